#!/usr/bin/env bash
# Throughput of the text rules through the real command line, on one core.
#
# Generates (once) a >= 1 GB English-like text under bench/out/ with gen-text.py, then runs
# `bin/freshjar wc FILE` and `bin/freshjar top FILE` RUNS times each, pinned to one CPU, and prints
# the median wall time, the throughput it gives, the throughput per second of CPU time the process
# used (user + system: on a busy machine wall time includes waiting for the CPU), and the peak
# resident memory of the process.
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
. "$here/lib.sh"

pin=()
if [[ -n $cpu ]] && command -v taskset >/dev/null; then pin=(taskset -c "$cpu"); fi

# Runs a command once; prints "<wall seconds> <peak RSS KiB> <CPU seconds>".
measure() {
  if [[ -x /usr/bin/time ]]; then
    local log="$out/time.log"
    "${pin[@]}" /usr/bin/time -v -o "$log" "$@" >/dev/null
    awk -F': ' '
      /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
      /Maximum resident set size/ { rss = $2 }
      /User time \(seconds\)|System time \(seconds\)/ { cpu += $2 }
      END { printf "%.3f %d %.3f\n", s, rss, cpu }' "$log"
  else
    # No GNU time: poll the process's high-water mark of resident memory.
    local start end pid hwm=0 now ticks=0 t
    start=$(date +%s.%N)
    "${pin[@]}" "$@" >/dev/null &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
      now=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
      [[ -n $now && $now -gt $hwm ]] && hwm=$now
      t=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || true)
      [[ -n $t ]] && ticks=$t
      sleep 0.05
    done
    wait "$pid"
    end=$(date +%s.%N)
    echo "$(echo "$end - $start" | bc) $hwm $(echo "scale=3; $ticks / $(getconf CLK_TCK)" | bc)"
  fi
}

# Runs a command $runs times; prints a table row.
row() { # label bytes command...
  local label=$1 bytes=$2
  shift 2
  local results=() peak=0 wall rss cpu
  for ((i = 0; i < runs; i++)); do
    read -r wall rss cpu < <(measure "$@")
    results+=("$wall $cpu")
    ((rss > peak)) && peak=$rss
  done
  # Medians of wall and CPU time, each sorted on its own.
  printf '%s\n' "${results[@]}" | awk -v label="$label" -v bytes="$bytes" -v peak="$peak" -v runs="$runs" '
    function median(a, n,   i, j, t) {
      for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
      return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    { w[NR] = $1; c[NR] = $2 }
    END {
      mw = median(w, NR); mc = median(c, NR)
      printf "%-24s %5d %10.2f %10.0f %10.2f %10.0f %12.0f\n", label, runs, mw, bytes / 1e6 / mw, mc, bytes / 1e6 / mc, peak / 1024
    }'
}

file="$(text "$size")"
bytes=$(stat -L -c %s "$file")
echo "input: $file ($bytes bytes); pinned: ${pin[*]:-no}; $(nproc) CPUs; $(java -version 2>&1 | head -1)"
# A first, untimed run builds the launcher if needed and warms the module cache and the disk cache;
# the timed runs must not build, even if sources change meanwhile.
"$freshjar" wc "$file" >/dev/null
export FRESHJAR_NO_BUILD=1

printf '%-24s %5s %10s %10s %10s %10s %12s\n' command runs "wall s" "MB/s" "CPU s" "MB/CPU-s" "peak RSS MB"
for rule in $rules; do
  row "freshjar $rule" "$bytes" "$freshjar" "$rule" "$file"
done
if [[ -n ${REFERENCE_SIZE:-} ]]; then
  small="$(text "$REFERENCE_SIZE")"
  small_bytes=$(stat -L -c %s "$small")
  for rule in $rules; do
    row "reference $rule ($REFERENCE_SIZE)" "$small_bytes" python3 "$repo/reference/text_utils.py" "$rule" "$small"
  done
fi
