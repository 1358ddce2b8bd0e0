#!/usr/bin/env bash
# One-shot start-up with a warm cache, side by side with the reference script.
#
# Serves the built text-utils jar on loopback (bench/serve-dir.py, which answers a repeated
# conditional GET with 304), warms freshjar's cache once, then alternates RUNS times between
#   freshjar --module text=http://127.0.0.1:PORT/text-utils.jar top corpus/moby-dick.txt
#   python3 reference/text_utils.py top corpus/moby-dick.txt
# and prints the median wall time of each and their ratio. Variants, in the same interleaved
# loop: freshjar --offline (no update check at all), freshjar without class-data sharing, and
# freshjar with the JVM's default JIT thresholds (bin/freshjar raises C2's tenfold).
#
# The reference runs on the interpreter binary itself (sys.executable): a version manager's
# 'python3' shim would add its own start-up (about 0.3 s with pyenv) to every run.
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

serve_text_utils "$work/www" "$work/server.log"

corpus="$repo/corpus/moby-dick.txt"
freshjar=("$repo/bin/freshjar" --cache-dir "$work/cache" --module "text=http://127.0.0.1:$port/text-utils.jar")
"${freshjar[@]}" top "$corpus" >/dev/null # first fetch, and the class-data archive

default_jit="-XX:Tier4InvocationThreshold=5000 -XX:Tier4MinInvocationThreshold=600"
default_jit+=" -XX:Tier4CompileThreshold=15000 -XX:Tier4BackEdgeThreshold=40000"
# The variants, by name; each prints to standard output.
variant() {
  case $1 in
    freshjar) "${freshjar[@]}" top "$corpus" ;;
    freshjar-offline) "${freshjar[@]}" --offline top "$corpus" ;;
    freshjar-no-cds) FRESHJAR_JAVA_OPTS=-Xshare:off "${freshjar[@]}" top "$corpus" ;;
    freshjar-default-jit) FRESHJAR_JAVA_OPTS=$default_jit "${freshjar[@]}" top "$corpus" ;;
    reference) "$python" "$repo/reference/text_utils.py" top "$corpus" ;;
  esac
}

# CPU seconds (user + system) used so far by this shell's finished children, to 10 ms. 'times'
# must run in this shell, not in a $(...) subshell, whose children are not this shell's.
children_cpu() {
  times >"$work/times"
  tail -n 1 "$work/times" | awk '{ gsub(/[ms]/, " "); print $1 * 60 + $2 + $3 * 60 + $4 }' >"$work/cpu"
}
order=(freshjar reference freshjar-offline freshjar-no-cds freshjar-default-jit)

for name in "${order[@]}"; do : >"$work/$name.times"; : >"$work/$name.cpu"; done
for _ in $(seq "$runs"); do
  for name in "${order[@]}"; do
    # Wall time to the microsecond; CPU time of the whole process tree.
    children_cpu
    read -r cpu_before <"$work/cpu"
    wall_us variant "$name" >>"$work/$name.times"
    children_cpu
    read -r cpu_after <"$work/cpu"
    awk -v a="$cpu_before" -v b="$cpu_after" 'BEGIN { printf "%d\n", (b - a) * 1000000 }' >>"$work/$name.cpu"
  done
done

conditional=$(grep -c '^304 ' "$work/server.log" || true)
reference_ms=$(median "$work/reference.times")

echo "$(machine), $("$python" --version) ($python)"
echo "runs: $runs each, interleaved; update checks answered 304: $conditional"
printf '%-18s %12s %10s %14s\n' command "median ms" "vs ref" "median CPU ms"
for name in "${order[@]}"; do
  m=$(median "$work/$name.times")
  c=$(median "$work/$name.cpu")
  awk -v n="$name" -v m="$m" -v r="$reference_ms" -v c="$c" \
    'BEGIN { printf "%-18s %12.1f %10.2f %14.1f\n", n, m / 1000, m / r, c / 1000 }'
done
