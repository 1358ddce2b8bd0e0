#!/usr/bin/env bash
# Startup with many module URLs (issue 4): wall time of one freshjar run with 1, 3 and 10 modules,
# each on a loopback server of its own that answers the update check with 304 Not Modified.
#
# Serves the built text-utils jar on 10 loopback ports (bench/serve-modules.py, python3), writes a
# configuration file per module count, warms the cache once per count, then times
#   bin/freshjar --config modules-N.conf --format tsv m1:wc README.md
# RUNS times for each count, and the same with --offline (no update check: what loading the cached
# modules costs), the counts interleaved so that a change in machine load hits them all alike, and
# prints the median, minimum and maximum wall time and the ratios of the medians to the first
# count's. A last row times the built-in module (a file: URL, no HTTP) for comparison. Each
# loopback port serves other bytes (see serve-modules.py), as ten authors' jars would.
#
# Environment: RUNS (default 15), COUNTS (default "1 3 10"), FRESHJAR (default bin/freshjar),
# RULE (default m1:wc; a bare name such as wc is ambiguous with more than one module), BEFORE (another
# build's bin/freshjar, e.g. a checkout before a change: timed in the same rounds, its own caches).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
runs="${RUNS:-15}"
counts="${COUNTS:-1 3 10}"
freshjar="${FRESHJAR:-$repo/bin/freshjar}"
rule="${RULE:-m1:wc}"
before="${BEFORE:-}"
work="$here/out/startup-modules"
rm -rf "$work"
mkdir -p "$work"

# Builds the launcher if needed (says so on standard error).
"$freshjar" --cache-dir "$work/cache-builtin" rules >/dev/null
jar=$(ls "$repo"/text-utils-module/target/text-utils-module-*.jar | grep -v -e sources -e javadoc | head -1)

max=0
for n in $counts; do ((n > max)) && max=$n; done
python3 "$here/serve-modules.py" --jar "$jar" --count "$max" \
  --port-file "$work/ports" --count-file "$work/answers" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do [[ -f $work/ports ]] && break; sleep 0.1; done
mapfile -t ports <"$work/ports"

for n in $counts; do
  conf="$work/modules-$n.conf"
  : >"$conf"
  for ((i = 1; i <= n; i++)); do
    printf '[module m%d]\nurl = http://127.0.0.1:%s/module.jar\n\n' "$i" "${ports[i - 1]}" >>"$conf"
  done
  # Fetches every module once, so that the timed runs only ask and get 304; a first run loads them.
  "$freshjar" --cache-dir "$work/cache-$n" --config "$conf" update >/dev/null
  "$freshjar" --cache-dir "$work/cache-$n" --config "$conf" --format tsv "$rule" "$repo/README.md" >/dev/null
  if [[ -n $before ]]; then
    "$before" --cache-dir "$work/before-cache-$n" --config "$conf" update >/dev/null
    "$before" --cache-dir "$work/before-cache-$n" --config "$conf" --format tsv "$rule" "$repo/README.md" >/dev/null
  fi
done
cp "$work/answers" "$work/answers-before"

# Runs one command; prints its wall time in milliseconds.
wall_ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

for ((r = 0; r < runs; r++)); do
  for n in $counts; do
    wall_ms "$freshjar" --cache-dir "$work/cache-$n" --config "$work/modules-$n.conf" \
      --format tsv "$rule" "$repo/README.md" >>"$work/times-$n"
    wall_ms "$freshjar" --cache-dir "$work/cache-$n" --config "$work/modules-$n.conf" --offline \
      --format tsv "$rule" "$repo/README.md" >>"$work/times-offline-$n"
    if [[ -n $before ]]; then
      wall_ms "$before" --cache-dir "$work/before-cache-$n" --config "$work/modules-$n.conf" \
        --format tsv "$rule" "$repo/README.md" >>"$work/times-before-$n"
      wall_ms "$before" --cache-dir "$work/before-cache-$n" --config "$work/modules-$n.conf" \
        --offline --format tsv "$rule" "$repo/README.md" >>"$work/times-before-offline-$n"
    fi
  done
  wall_ms "$freshjar" --cache-dir "$work/cache-builtin" --format tsv wc "$repo/README.md" \
    >>"$work/times-builtin"
done

stats() { # file -> "median min max"
  sort -n "$1" | awk '{ t[NR] = $1 } END {
    m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
    printf "%10.0f %8d %8d\n", m, t[1], t[NR] }'
}

echo "$(nproc) CPUs; $(java -version 2>&1 | head -1); $runs runs each, interleaved; rule $rule;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "loopback servers' answers (status:count) before the timed runs: $(cat "$work/answers-before");" \
  "after: $(cat "$work/answers")"
printf '%-26s %10s %8s %8s\n' "modules" "median ms" "min" "max"
for n in $counts; do
  printf '%-26s %s\n' "$n (http, 304)" "$(stats "$work/times-$n")"
done
for n in $counts; do
  printf '%-26s %s\n' "$n (--offline)" "$(stats "$work/times-offline-$n")"
done
if [[ -n $before ]]; then
  for n in $counts; do
    printf '%-26s %s\n' "$n (http, 304), BEFORE" "$(stats "$work/times-before-$n")"
  done
  for n in $counts; do
    printf '%-26s %s\n' "$n (--offline), BEFORE" "$(stats "$work/times-before-offline-$n")"
  done
fi
printf '%-26s %s\n' "built-in (file:)" "$(stats "$work/times-builtin")"
first=${counts%% *}
median() { sort -n "$1" | awk '{ t[NR] = $1 } END { print (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }'; }
for n in $counts; do
  awk -v a="$(median "$work/times-$n")" -v b="$(median "$work/times-$first")" -v n="$n" -v f="$first" \
    'BEGIN { printf "ratio of medians, %s modules to %s: %.2f\n", n, f, a / b }'
  awk -v a="$(median "$work/times-offline-$n")" -v b="$(median "$work/times-offline-$first")" \
    -v n="$n" -v f="$first" 'BEGIN { printf "ratio of medians, %s modules to %s, --offline: %.2f\n", n, f, a / b }'
  if [[ -n $before ]]; then
    awk -v a="$(median "$work/times-before-$n")" -v b="$(median "$work/times-before-$first")" \
      -v n="$n" -v f="$first" 'BEGIN { printf "ratio of medians, %s modules to %s, BEFORE: %.2f\n", n, f, a / b }'
    awk -v a="$(median "$work/times-before-offline-$n")" \
      -v b="$(median "$work/times-before-offline-$first")" -v n="$n" -v f="$first" \
      'BEGIN { printf "ratio of medians, %s modules to %s, --offline, BEFORE: %.2f\n", n, f, a / b }'
  fi
done
