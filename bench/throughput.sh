#!/usr/bin/env bash
# Throughput of the text rules through the real command line, on one core.
#
# Generates (once) a >= 1 GB English-like text under bench/out/ with gen-text.py, then runs
# `bin/freshjar wc FILE` and `bin/freshjar top FILE` RUNS times each, pinned to one CPU, and prints
# the median wall time, the throughput it gives, and the peak resident memory of the process.
#
# Environment: SIZE (default 1G), RUNS (default 5), CPU (CPU to pin to, default 0; empty: no
# pinning), FRESHJAR (the command, default bin/freshjar), RULES (default "wc top"),
# REFERENCE_SIZE (when set, e.g. 64M, also times the reference script on a text of that size;
# it reads its whole input into memory, so keep it small).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
size="${SIZE:-1G}"
runs="${RUNS:-5}"
cpu="${CPU-0}"
freshjar="${FRESHJAR:-$repo/bin/freshjar}"
rules="${RULES:-wc top}"
out="$here/out"
mkdir -p "$out"

text() { # size -> path of a generated text of that size
  local file="$out/text-$1.txt"
  if [[ ! -f $file ]]; then
    echo "generating $file ..." >&2
    python3 "$here/gen-text.py" --size "$1" "$file.part"
    mv "$file.part" "$file"
  fi
  echo "$file"
}

pin=()
if [[ -n $cpu ]] && command -v taskset >/dev/null; then pin=(taskset -c "$cpu"); fi

# Runs a command once; prints "<wall seconds> <peak RSS KiB>".
measure() {
  if [[ -x /usr/bin/time ]]; then
    local log="$out/time.log"
    "${pin[@]}" /usr/bin/time -v -o "$log" "$@" >/dev/null
    awk -F': ' '
      /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
      /Maximum resident set size/ { rss = $2 }
      END { printf "%.3f %d\n", s, rss }' "$log"
  else
    # No GNU time: poll the process's high-water mark of resident memory.
    local start end pid hwm=0 now
    start=$(date +%s.%N)
    "${pin[@]}" "$@" >/dev/null &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
      now=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
      [[ -n $now && $now -gt $hwm ]] && hwm=$now
      sleep 0.05
    done
    wait "$pid"
    end=$(date +%s.%N)
    echo "$(echo "$end - $start" | bc) $hwm"
  fi
}

# Runs a command $runs times; prints a table row.
row() { # label bytes command...
  local label=$1 bytes=$2
  shift 2
  local walls=() peak=0 wall rss
  for ((i = 0; i < runs; i++)); do
    read -r wall rss < <(measure "$@")
    walls+=("$wall")
    ((rss > peak)) && peak=$rss
  done
  printf '%s\n' "${walls[@]}" | sort -g | awk -v label="$label" -v bytes="$bytes" -v peak="$peak" -v runs="$runs" '
    { w[NR] = $1 }
    END {
      m = (NR % 2) ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2
      printf "%-24s %5d %10.2f %10.0f %12.0f\n", label, runs, m, bytes / 1e6 / m, peak / 1024
    }'
}

file="$(text "$size")"
bytes=$(stat -c %s "$file")
echo "input: $file ($bytes bytes); pinned: ${pin[*]:-no}; $(nproc) CPUs; $(java -version 2>&1 | head -1)"
# A first, untimed run builds the launcher if needed and warms the module cache and the disk cache;
# the timed runs must not build, even if sources change meanwhile.
"$freshjar" wc "$file" >/dev/null
export FRESHJAR_NO_BUILD=1

printf '%-24s %5s %10s %10s %12s\n' command runs "median s" "MB/s" "peak RSS MB"
for rule in $rules; do
  row "freshjar $rule" "$bytes" "$freshjar" "$rule" "$file"
done
if [[ -n ${REFERENCE_SIZE:-} ]]; then
  small="$(text "$REFERENCE_SIZE")"
  small_bytes=$(stat -c %s "$small")
  for rule in $rules; do
    row "reference $rule ($REFERENCE_SIZE)" "$small_bytes" python3 "$repo/../shared/reference/text_utils.py" "$rule" "$small"
  done
fi
