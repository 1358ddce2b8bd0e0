#!/usr/bin/env bash
# One-shot on a URL, side by side with the script it replaces (reference/remote_top.py: fetch the
# rules module over HTTP into a cache, import it, fetch the document, print the top ten).
#
# Serves the built text-utils jar, reference/text_utils.py and corpus/moby-dick.txt on loopback
# (python3's http.server: a repeated conditional GET gets 304), warms both caches once, then
# alternates RUNS times between
#   freshjar --module text=http://127.0.0.1:PORT/text-utils.jar top http://127.0.0.1:PORT/moby-dick.txt
#   PYTHON reference/remote_top.py http://127.0.0.1:PORT/text_utils.py http://127.0.0.1:PORT/moby-dick.txt
# where PYTHON is the interpreter binary itself (sys.executable), never a version manager's shim,
# and prints the median wall time of each and their ratio, and how many checks got 304.
#
# Environment: RUNS (default 21), PORT (default 18932).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
runs="${RUNS:-21}"
port="${PORT:-18932}"
python=$(python3 -c 'import sys; print(sys.executable)')
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

"$repo/bin/freshjar" --version >/dev/null # builds the launcher if needed
mkdir -p "$work/www"
cp "$repo"/text-utils-module/target/text-utils-module-*[0-9].jar "$work/www/text-utils.jar"
cp "$repo/reference/text_utils.py" "$repo/corpus/moby-dick.txt" "$work/www/"
"$python" -m http.server "$port" --bind 127.0.0.1 --directory "$work/www" 2>"$work/server.log" >/dev/null &
server=$!
for _ in $(seq 50); do
  "$python" - "$port" <<'PY' 2>/dev/null && break
import socket, sys
socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=0.2).close()
PY
  sleep 0.1
done
kill -0 "$server" 2>/dev/null || { echo "the loopback server could not start on port $port; set PORT" >&2; exit 2; }

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
for name in "${order[@]}"; do : >"$work/$name.times"; done
for _ in $(seq "$runs"); do
  for name in "${order[@]}"; do
    start=$EPOCHREALTIME
    variant "$name" >/dev/null
    end=$EPOCHREALTIME
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%d\n", (e - s) * 1000000 }' >>"$work/$name.times"
  done
done

median() { sort -n "$1" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
conditional=$(grep -c '" 304 ' "$work/server.log" || true)
full=$(grep -c 'GET /\(text-utils.jar\|text_utils.py\) HTTP/1.[01]" 200' "$work/server.log" || true)
reference_us=$(median "$work/reference.times")
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $("$python" --version), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "runs: $runs each, interleaved; module checks answered 304: $conditional, 200: $full; python: $python"
printf '%-10s %12s %8s\n' command "median ms" "vs ref"
for name in "${order[@]}"; do
  m=$(median "$work/$name.times")
  awk -v n="$name" -v m="$m" -v r="$reference_us" 'BEGIN { printf "%-10s %12.1f %8.2f\n", n, m / 1000, m / r }'
done
