#!/usr/bin/env bash
# One-shot start-up of two builds of freshjar, side by side: the checkout at A (e.g. main before a
# change) and this checkout, interleaved RUNS times, each running
#   freshjar --offline top corpus/moby-dick.txt
# through a pipe and, with TTY=1, on a pseudo-terminal (util-linux 'script'), where the terminal
# facts and progress machinery are live. Prints the median wall time of each and their ratio.
#
# Usage: bench/startup-ab.sh A_CHECKOUT    Environment: RUNS (default 21), TTY (default 0).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
b="$(cd "$here/.." && pwd)"
a="$(cd "${1:?give the checkout to compare with}" && pwd)"
runs="${RUNS:-21}"
work="$(mktemp -d)"
. "$here/lib.sh"
bench_remove+=("$work")
corpus="$b/corpus/moby-dick.txt"
for side in a b; do
  home=${!side}
  "$home/bin/freshjar" --cache-dir "$work/cache-$side" top "$corpus" >/dev/null # build, fetch, CDS
done
run() { # side
  local home=${!1}
  if [ "${TTY:-0}" = 1 ]; then
    script -qfec "$home/bin/freshjar --cache-dir $work/cache-$1 --offline top $corpus" /dev/null >/dev/null
  else
    "$home/bin/freshjar" --cache-dir "$work/cache-$1" --offline top "$corpus" >/dev/null
  fi
}
for i in $(seq "$runs"); do
  for side in a b; do
    wall_ms run "$side" >>"$work/$side"
  done
done
ma=$(median "$work/a")
mb=$(median "$work/b")
printf '| build | median ms (%s runs%s) |\n| --- | --- |\n' "$runs" "$([ "${TTY:-0}" = 1 ] && echo ', on a pty')"
printf '| A: %s | %s |\n| B: %s | %s |\n' "$a" "$ma" "$b" "$mb"
awk -v a="$ma" -v b="$mb" 'BEGIN { printf "B/A: %.3f\n", b / a }'
