#!/usr/bin/env bash
# Memory of `top` and `histogram` on many distinct words, side by side with `sort | uniq -c`
# (issue 12, target 4).
#
# Generates (once) a text of WORDS distinct words, one a line (gen-distinct.py), under $OUT
# (default /tmp/freshjar-bench, never the repository). Then, RUNS times and interleaved:
#   freshjar top FILE
#   LC_ALL=C sort FILE | uniq -c | LC_ALL=C sort -k1,1nr -k2,2 | head -n 10
# whole processes under GNU time (wall time, peak RSS of the largest process), and checks that both
# name the same ten words with the same counts. Then HISTOGRAM_RUNS times and interleaved:
#   freshjar --format tsv histogram FILE > OUT
#   LC_ALL=C sort FILE | uniq -c | LC_ALL=C sort -k1,1nr -k2,2 > OUT
# and checks that both list every word with the same count in the same order (cmp). Then, once each:
#   - Ctrl-C in the middle of a run that has spilled: how many word lists it held open (unlinked,
#     so they never show in TMPDIR), and what is left in TMPDIR afterwards (nothing);
#   - a full disk: TMPDIR on a 1 MB tmpfs (needs root and mount; skipped otherwise).
# Environment: WORDS (default 30000000), RUNS (default 3), HISTOGRAM_RUNS (default 1), RULES (default
# "top histogram": which of the two to measure), OUT, FRESHJAR (default bin/freshjar).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
words="${WORDS:-30000000}"
runs="${RUNS:-3}"
histogram_runs="${HISTOGRAM_RUNS:-1}"
rules="${RULES:-top histogram}"
out="${OUT:-/tmp/freshjar-bench}"
freshjar="${FRESHJAR:-$repo/bin/freshjar}"
mkdir -p "$out"
. "$here/lib.sh"

file="$out/distinct-$words.txt"
if [[ ! -f $file ]]; then
  echo "generating $file ..." >&2
  python3 "$here/gen-distinct.py" --words "$words" "$file.part"
  mv "$file.part" "$file"
fi
bytes=$(stat -L -c %s "$file")
machine
echo "input: $file ($bytes bytes, $words distinct words and 100 common ones); $runs interleaved runs"
"$freshjar" top "$here/gen-distinct.py" >/dev/null # builds if needed, warms the module cache
export FRESHJAR_NO_BUILD=1

measure() { # command... -> "<wall s> <peak RSS KiB>"
  /usr/bin/time -f '%e %M' -o "$out/time.log" "$@" >"$out/last.out"
  cat "$out/time.log"
}
# A background job of a script starts with SIGINT ignored (no job control), and the JVM keeps it
# so: put Ctrl-C's default action back before running the command.
# (A command, not a function: a function in the background runs in a subshell, which keeps ignoring
# SIGINT, and $! would be that subshell.)
interruptible=(python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])')

# Times freshjar RULE against the sort PIPELINE on the same file, RUNS times interleaved, checks
# that both print the same words with the same counts, and prints a row for each.
against_sort() { # rule runs label pipeline
  local rule=$1 runs=$2 label=$3 pipeline=$4 fw="" sw="" frss=0 srss=0 same=yes wall kib
  for ((i = 0; i < runs; i++)); do
    read -r wall kib < <(measure "$freshjar" --format tsv "$rule" "$file")
    fw+="$wall "; ((kib > frss)) && frss=$kib
    tail -n +2 "$out/last.out" | awk -F'\t' '{ print $2, $1 }' >"$out/freshjar.$rule"
    read -r wall kib < <(measure sh -c "$pipeline")
    sw+="$wall "; ((kib > srss)) && srss=$kib
    awk '{ print $1, $2 }' "$out/last.out" >"$out/sort.$rule"
    cmp -s "$out/freshjar.$rule" "$out/sort.$rule" || { same=NO; cmp "$out/freshjar.$rule" "$out/sort.$rule" || true; }
  done
  rows=$(wc -l <"$out/sort.$rule")
  rm -f "$out/last.out" "$out/freshjar.$rule" "$out/sort.$rule"
  fm=$(tr ' ' '\n' <<<"$fw" | grep . | median)
  sm=$(tr ' ' '\n' <<<"$sw" | grep . | median)
  awk -v m="$fm" -v s="$sm" -v r="$frss" -v n="freshjar $rule" 'BEGIN { printf "%-34s %10.2f %12.2f %12.0f\n", n, m, m / s, r / 1024 }'
  awk -v m="$sm" -v r="$srss" -v n="$label" 'BEGIN { printf "%-34s %10.2f %12.2f %12.0f\n", n, m, 1, r / 1024 }'
  echo "same $rule, all $rows rows, every run: $same"
}

printf '%-34s %10s %12s %12s\n' command "median s" "vs sort" "peak RSS MB"
if [[ " $rules " == *" top "* ]]; then
  against_sort top "$runs" "sort | uniq -c | sort -nr | head" \
    "LC_ALL=C sort '$file' | uniq -c | LC_ALL=C sort -k1,1nr -k2,2 | head -n 10"
fi
if [[ " $rules " == *" histogram "* ]]; then
  against_sort histogram "$histogram_runs" "sort | uniq -c | sort -nr" \
    "LC_ALL=C sort '$file' | uniq -c | LC_ALL=C sort -k1,1nr -k2,2"
fi

# Ctrl-C while word lists are on disk.
tmp="$out/tmpdir"
rm -rf "$tmp" && mkdir -p "$tmp"
TMPDIR="$tmp" "${interruptible[@]}" "$freshjar" top "$file" >/dev/null 2>"$out/interrupted.err" &
pid=$!
held=0
for ((t = 0; t < 600; t++)); do
  java_pid=$(pgrep -P "$pid" java || echo "$pid")
  held=$(find "/proc/$java_pid/fd" -lname "$tmp/freshjar-words-*" 2>/dev/null | wc -l)
  ((held >= 2)) && break
  sleep 0.2
done
named=$(find "$tmp" -type f | wc -l)
kill -INT "$pid" 2>/dev/null || true
set +e
wait "$pid"
status=$?
set -e
echo "Ctrl-C: the run held $held unlinked word lists open ($named named files in TMPDIR meanwhile); exit $status; left in TMPDIR after: $(find "$tmp" -type f | wc -l) files"

# Ctrl-C while histogram's rows are being printed (merged from its ranked word lists).
if [[ " $rules " == *" histogram "* ]]; then
  rm -rf "$tmp" && mkdir -p "$tmp"
  TMPDIR="$tmp" "${interruptible[@]}" "$freshjar" --format tsv histogram "$file" >"$out/streaming.out" 2>"$out/streaming.err" &
  pid=$!
  for ((t = 0; t < 6000; t++)); do
    (($(stat -c %s "$out/streaming.out") > 1000000)) && break
    sleep 0.1
  done
  kill -INT "$pid" 2>/dev/null || true
  set +e
  wait "$pid"
  status=$?
  set -e
  echo "Ctrl-C while histogram printed its rows (after $(wc -l <"$out/streaming.out") lines): exit $status; left in TMPDIR after: $(find "$tmp" -type f | wc -l) files"
  rm -f "$out/streaming.out"
fi

# A full disk.
tiny="$out/tiny"
mkdir -p "$tiny"
if mount -t tmpfs -o size=1m tmpfs "$tiny" 2>/dev/null; then
  set +e
  TMPDIR="$tiny" "$freshjar" top "$file" >/dev/null 2>"$out/full.err"
  status=$?
  set -e
  umount "$tiny"
  echo "full disk (TMPDIR on a 1 MB tmpfs): exit $status; $(head -c 600 "$out/full.err")"
else
  echo "full disk: skipped (mounting a tmpfs needs root)"
fi
