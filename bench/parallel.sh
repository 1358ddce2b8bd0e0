#!/usr/bin/env bash
# Throughput of `top` on every core, side by side with GNU `wc -w` (issue 12, target 3).
#
# Generates (once) English-like texts with gen-text.py under $OUT (default /tmp/freshjar-bench,
# never the repository), then, RUNS times and interleaved so that the machine's load hits every
# command alike: `wc -w FILE`, `freshjar top FILE` (the default run: update check of the built-in
# module, rule on the cached jar meanwhile) and `freshjar --offline top FILE`, on the SMALL text
# (default 100M); then `freshjar top` on the LARGE text (default 1G). Whole processes, wall time
# and peak RSS from GNU time; prints medians and the ratio of each median to wc -w's.
#
# Environment: SMALL, LARGE (sizes for gen-text.py; LARGE empty skips it), RUNS (default 7),
# OUT, FRESHJAR (default bin/freshjar).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
small="${SMALL:-100M}"
large="${LARGE-1G}"
runs="${RUNS:-7}"
out="${OUT:-/tmp/freshjar-bench}"
freshjar="${FRESHJAR:-$repo/bin/freshjar}"
mkdir -p "$out"
. "$here/lib.sh"

# Runs a command once; prints "<wall seconds> <peak RSS KiB>".
measure() {
  /usr/bin/time -f '%e %M' -o "$out/time.log" "$@" >/dev/null
  cat "$out/time.log"
}

file="$(text "$small")"
bytes=$(stat -L -c %s "$file")
machine
echo "input: $file ($bytes bytes); $runs interleaved runs each"
"$freshjar" top "$file" >/dev/null # builds if needed, warms the cache and the page cache
export FRESHJAR_NO_BUILD=1

labels=("wc -w" "freshjar top" "freshjar --offline top")
commands=("wc -w $file" "$freshjar top $file" "$freshjar --offline top $file")
declare -A walls rss
for ((i = 0; i < runs; i++)); do
  for k in "${!labels[@]}"; do
    # shellcheck disable=SC2086
    read -r wall kib < <(measure ${commands[$k]})
    walls[$k]+="$wall "
    ((kib > ${rss[$k]:-0})) && rss[$k]=$kib
  done
done
wc_median=$(tr ' ' '\n' <<<"${walls[0]}" | grep . | median)
printf '%-26s %10s %10s %12s %12s\n' command "median s" "MB/s" "vs wc -w" "peak RSS MB"
for k in "${!labels[@]}"; do
  m=$(tr ' ' '\n' <<<"${walls[$k]}" | grep . | median)
  awk -v l="${labels[$k]}" -v m="$m" -v w="$wc_median" -v b="$bytes" -v r="${rss[$k]}" \
    'BEGIN { printf "%-26s %10.3f %10.0f %12.2f %12.0f\n", l, m, b / 1e6 / m, m / w, r / 1024 }'
done

if [[ -n $large ]]; then
  big="$(text "$large")"
  big_bytes=$(stat -L -c %s "$big")
  cat "$big" >/dev/null
  echo "input: $big ($big_bytes bytes); $runs interleaved runs each"
  printf '%-26s %10s %10s %12s\n' command "median s" "MB/s" "peak RSS MB"
  declare -A bw brss
  for ((i = 0; i < runs; i++)); do
    read -r wall kib < <(measure wc -w "$big"); bw[0]+="$wall "; ((kib > ${brss[0]:-0})) && brss[0]=$kib
    read -r wall kib < <(measure "$freshjar" top "$big"); bw[1]+="$wall "; ((kib > ${brss[1]:-0})) && brss[1]=$kib
    read -r wall kib < <(measure "$freshjar" --offline top "$big"); bw[2]+="$wall "; ((kib > ${brss[2]:-0})) && brss[2]=$kib
  done
  for k in 0 1 2; do
    m=$(tr ' ' '\n' <<<"${bw[$k]}" | grep . | median)
    awk -v l="${labels[$k]}" -v m="$m" -v b="$big_bytes" -v r="${brss[$k]}" \
      'BEGIN { printf "%-26s %10.3f %10.0f %12.0f\n", l, m, b / 1e6 / m, r / 1024 }'
  done
fi
