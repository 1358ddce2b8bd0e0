#!/usr/bin/env bash
# Reload cost of the shell's `update`, in one JVM with bin/freshjar's GC: the median latency when
# nothing changed (the server answers 304) and when a new jar arrives, and heap and metaspace after
# the first and the last of SWAPS reloads. See launcher/src/test/java/.../bench/ReloadBench.java.
#
# Environment: UNCHANGED (how many 304 updates to time, default 300), SWAPS (default 1000),
# WARMUP (untimed 304 updates before them, default 50; the first 50 are reported on their own).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
out="$here/out"
mkdir -p "$out"
classpath_file="$out/launcher-test.classpath"

cd "$repo"
echo "building the launcher and its tests..." >&2
# In a reactor every module writes the class path file in turn; the launcher comes last.
mvn -q -B package -pl launcher -am -DskipTests -Dspotless.check.skip=true \
  dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.excludeArtifactIds=text-utils-module -Dmdep.outputFile="$classpath_file" >&2

java -XX:+UseSerialGC \
  -Dfreshjar.textUtilsJar="$repo/text-utils-module/target/text-utils-module-0.1.0.jar" \
  -cp "launcher/target/test-classes:launcher/target/classes:$(cat "$classpath_file")" \
  dev.freshjar.launcher.bench.ReloadBench "${UNCHANGED:-300}" "${SWAPS:-1000}" "${WARMUP:-50}"
