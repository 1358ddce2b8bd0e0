#!/usr/bin/env bash
# freshjar serve: latency and throughput of POST /rules/top, a warm request against the one-shot
# command, and a 1 GB body streamed through the server.
#
# Starts `bin/freshjar serve --port 0` on loopback with the built-in text-utils module, then runs
# bench/ServeLoad.java (a single-file Java program, java.net.http) against it:
#   - POST /rules/top with corpus/moby-dick.txt as the body, REQUESTS requests by each of 1, 4
#     and 16 concurrent clients (after 200 warm-up requests): median, p99, requests/s;
#   - ROUNDS times, interleaved: one request, then one `bin/freshjar --format json top
#     corpus/moby-dick.txt` (the same answer); medians and their ratio;
#   - a generated text of SIZE (gen-text.py, kept in bench/out/) POSTed to /rules/wc and
#     /rules/top, streamed from disk.
# Clients and server share the machine's cores, so the figures include the clients' own work.
#
# Environment: REQUESTS (default 320), ROUNDS (default 21), SIZE (default 1G), CLIENTS
# (default 1,4,16).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
requests="${REQUESTS:-320}"
rounds="${ROUNDS:-21}"
size="${SIZE:-1G}"
clients="${CLIENTS:-1,4,16}"
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

"$repo/bin/freshjar" --version >/dev/null # builds the launcher if needed
mkdir -p "$here/out"
big="$here/out/text-$size.txt"
if [[ ! -f $big ]]; then
  echo "generating $big ..." >&2
  python3 "$here/gen-text.py" --size "$size" "$big.part"
  mv "$big.part" "$big"
fi
corpus="$repo/corpus/moby-dick.txt"
freshjar=("$repo/bin/freshjar" --cache-dir "$work/cache")
"${freshjar[@]}" top "$corpus" >/dev/null # fills the cache

"${freshjar[@]}" serve --port 0 --max-body 2g --access-log "$work/access.log" 2>"$work/serve.log" &
server=$!
for _ in $(seq 300); do
  grep -q '^freshjar: ready' "$work/serve.log" && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 2; }
  sleep 0.1
done
base=$(sed -n 's/^freshjar: listening on \(http:[^ ]*\)$/\1/p' "$work/serve.log")

java=java
[[ -n ${JAVA_HOME:-} ]] && java=$JAVA_HOME/bin/java
echo "freshjar serve at $base; $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
"$java" "$here/ServeLoad.java" "$base" "$corpus" "$requests" "$clients" "$rounds" "$big" -- \
  "${freshjar[@]}" --format json top "$corpus"
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
