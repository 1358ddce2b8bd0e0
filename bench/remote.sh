#!/usr/bin/env bash
# One-shot on a URL, side by side with the script it replaces (reference/remote_top.py: fetch the
# rules module over HTTP into a cache, import it, fetch the document, print the top ten).
#
# Serves the built text-utils jar, reference/text_utils.py and corpus/moby-dick.txt on loopback
# (bench/serve-dir.py: a repeated conditional GET gets 304), warms both caches once, then
# alternates RUNS times between
#   freshjar --module text=http://127.0.0.1:PORT/text-utils.jar top http://127.0.0.1:PORT/moby-dick.txt
#   PYTHON reference/remote_top.py http://127.0.0.1:PORT/text_utils.py http://127.0.0.1:PORT/moby-dick.txt
# where PYTHON is the interpreter binary itself (sys.executable), never a version manager's shim,
# and prints the median wall time of each and their ratio, and how many checks got 304.
#
# Environment: RUNS (default 21).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
runs="${RUNS:-21}"
python=$(python3 -c 'import sys; print(sys.executable)')
work="$(mktemp -d)"
. "$here/lib.sh"
bench_remove+=("$work")

serve_text_utils "$work/www" "$work/server.log" "$repo/reference/text_utils.py" \
  "$repo/corpus/moby-dick.txt"

base="http://127.0.0.1:$port"
freshjar=("$repo/bin/freshjar" --cache-dir "$work/cache" --module "text=$base/text-utils.jar")
export REMOTE_TOP_CACHE="$work/remote-top-cache"
variant() {
  case $1 in
    freshjar) "${freshjar[@]}" --format tsv top "$base/moby-dick.txt" ;;
    reference) "$python" "$repo/reference/remote_top.py" "$base/text_utils.py" "$base/moby-dick.txt" ;;
  esac
}
# First fetches (and the class-data archive); both must print the same ten words.
variant freshjar >"$work/freshjar.out"
variant reference >"$work/reference.out"
cmp -s "$work/freshjar.out" "$work/reference.out" || { echo "freshjar and the reference disagree" >&2; diff "$work/freshjar.out" "$work/reference.out" >&2; exit 1; }
: >"$work/server.log"

order=(freshjar reference)
interleave "$runs" "${order[@]}"

conditional=$(grep -c '^304 ' "$work/server.log" || true)
full=$(grep -c '^200 /\(text-utils.jar\|text_utils.py\)$' "$work/server.log" || true)
reference_us=$(median "$work/reference.times")
echo "$(machine), $("$python" --version)"
echo "runs: $runs each, interleaved; module checks answered 304: $conditional, 200: $full; python: $python"
printf '%-10s %12s %8s\n' command "median ms" "vs ref"
for name in "${order[@]}"; do
  m=$(median "$work/$name.times")
  awk -v n="$name" -v m="$m" -v r="$reference_us" 'BEGIN { printf "%-10s %12.1f %8.2f\n", n, m / 1000, m / r }'
done
