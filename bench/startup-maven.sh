#!/usr/bin/env bash
# Start-up of a module from a Maven repository against the same module from a URL (issue 14).
#
# Lays out a Maven repository (metadata, jar, .sha1) holding the built text-utils jar, and the same
# jar at a plain URL, each on a loopback static server of its own (serve_dir in bench/lib.sh: ETag,
# Last-Modified, 304). Warms one cache per kind, then times
#   bin/freshjar --config KIND.conf --format tsv text:wc README.md
# RUNS times per kind, interleaved (url, maven, url, maven, ...) so that a change in machine load
# hits both alike, and prints median, min and max wall time, the ratio of the medians, the median
# of the per-round ratios, and how many requests each kind's server answered per timed run.
#
# Environment: RUNS (default 21), FRESHJAR (default bin/freshjar).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
runs="${RUNS:-21}"
freshjar="${FRESHJAR:-$repo/bin/freshjar}"
work="$here/out/startup-maven"
. "$here/lib.sh"
rm -rf "$work"
mkdir -p "$work/url" "$work/maven/repo/com/example/text-utils/1.0.0"

# Builds the launcher if needed (says so on standard error).
"$freshjar" --cache-dir "$work/cache-builtin" rules >/dev/null
jar=$(text_utils_jar)

cp "$jar" "$work/url/module.jar"
dir="$work/maven/repo/com/example/text-utils"
cp "$jar" "$dir/1.0.0/text-utils-1.0.0.jar"
sha1sum "$jar" | cut -d' ' -f1 >"$dir/1.0.0/text-utils-1.0.0.jar.sha1"
cat >"$dir/maven-metadata.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<metadata>
  <groupId>com.example</groupId>
  <artifactId>text-utils</artifactId>
  <versioning>
    <release>1.0.0</release>
    <versions>
      <version>0.9.0</version>
      <version>1.0.0</version>
      <version>1.1.0-SNAPSHOT</version>
    </versions>
  </versioning>
</metadata>
XML

serve_dir "$work/url" "$work/log-url"
printf '[module text]\nurl = http://127.0.0.1:%s/module.jar\n' "$port" >"$work/url.conf"
serve_dir "$work/maven" "$work/log-maven"
printf '[module text]\nmaven = com.example:text-utils\nrepository = http://127.0.0.1:%s/repo\n' \
  "$port" >"$work/maven.conf"

for kind in url maven; do
  # Fetches the module once, so that the timed runs only ask and get 304.
  "$freshjar" --cache-dir "$work/cache-$kind" --config "$work/$kind.conf" update >/dev/null
  : >"$work/log-$kind"
done

for ((r = 0; r < runs; r++)); do
  for kind in url maven; do
    wall_ms "$freshjar" --cache-dir "$work/cache-$kind" --config "$work/$kind.conf" \
      --format tsv text:wc "$repo/README.md" >>"$work/times-$kind"
  done
done

minmax() { sort -n "$1" | awk 'NR == 1 { min = $1 } { max = $1 } END { printf "%8d %8d", min, max }'; }
requests() { # log -> "N per run (STATUS PATH x COUNT, ...)"
  awk -v runs="$runs" '{ n++; c[$0]++ } END {
    printf "%.2f per run:", n / runs; for (k in c) printf " [%s] x%d", k, c[k]; print "" }' "$1"; }

echo "$(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1);" \
  "$runs runs each, interleaved"
printf '%-28s %10s %8s %8s\n' "module source" "median ms" "min" "max"
for kind in url maven; do
  printf '%-28s %10s %s\n' "$kind (http, 304)" "$(median "$work/times-$kind")" \
    "$(minmax "$work/times-$kind")"
done
awk -v u="$(median "$work/times-url")" -v m="$(median "$work/times-maven")" \
  'BEGIN { printf "maven / url median: %.3f\n", m / u }'
# Each round's two runs ran back to back: the median of their ratios shrugs off load that changed
# between rounds.
paste "$work/times-url" "$work/times-maven" | awk '{ print $2 / $1 }' | sort -n | awk '
  { r[NR] = $1 } END { printf "median of per-round maven / url: %.3f\n",
    (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2 }'
for kind in url maven; do
  echo "$kind server: $(requests "$work/log-$kind")"
done
