#!/usr/bin/env bash
# What verifying a cached jar before it runs costs a one-shot run (issue 10): the jar is hashed
# (SHA-256) and its manifest read before it is handed out to load.
#
# 1. Whole process: alternates RUNS times between this checkout's bin/freshjar and OLD's (a
#    checkout of the commit before the change, built), each with its own warm cache, running
#      freshjar --module text=http://127.0.0.1:PORT/text-utils.jar top corpus/moby-dick.txt
#    (update check answered 304) and the same with --offline, and prints medians and ratios.
# 2. In one JVM: the median time of hashing a jar of 4 MiB (and the built text-utils jar) with the
#    JDK's SHA-256, as the cache does, after a warm-up.
#
# Environment: OLD (required: the other checkout's root), RUNS (default 21).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
old="${OLD:?set OLD to a built checkout of the commit before the change}"
runs="${RUNS:-21}"
work="$(mktemp -d)"
. "$here/lib.sh"
bench_remove+=("$work")

"$old/bin/freshjar" --version >/dev/null
serve_text_utils "$work/www" "$work/server.log"
jar=$(text_utils_jar)

corpus="$repo/corpus/moby-dick.txt"
module="text=http://127.0.0.1:$port/text-utils.jar"
new=("$repo/bin/freshjar" --cache-dir "$work/new-cache" --module "$module")
was=("$old/bin/freshjar" --cache-dir "$work/old-cache" --module "$module")
"${new[@]}" top "$corpus" >/dev/null
"${was[@]}" top "$corpus" >/dev/null

variant() {
  case $1 in
    new) "${new[@]}" top "$corpus" ;;
    old) "${was[@]}" top "$corpus" ;;
    new-offline) "${new[@]}" --offline top "$corpus" ;;
    old-offline) "${was[@]}" --offline top "$corpus" ;;
  esac
}
order=(new old new-offline old-offline)
interleave "$runs" "${order[@]}"

machine
echo "runs: $runs each, interleaved; update checks answered 304: $(grep -c '^304 ' "$work/server.log" || true)"
printf '%-12s %12s %14s\n' command "median ms" "new/old"
for pair in "new old" "new-offline old-offline"; do
  set -- $pair
  n=$(median "$work/$1.times"); o=$(median "$work/$2.times")
  awk -v a="$1" -v b="$2" -v n="$n" -v o="$o" \
    'BEGIN { printf "%-12s %12.1f\n%-12s %12.1f %14.3f\n", b, o / 1000, a, n / 1000, n / o }'
done

# 2. Hashing alone, in a JVM, as ObjectIntegrity does (HashingCopy: 64 KiB reads, MessageDigest).
head -c $((4 * 1024 * 1024)) /dev/urandom >"$work/4mib.jar"
cat >"$work/Hash.java" <<'JAVA'
import java.io.InputStream;
import java.nio.file.*;
import java.security.MessageDigest;
import java.util.Arrays;
public class Hash {
  public static void main(String[] args) throws Exception {
    for (String file : args) {
      long[] t = new long[60];
      for (int i = 0; i < t.length; i++) {
        long s = System.nanoTime();
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(Path.of(file))) {
          for (int n; (n = in.read(buf)) >= 0; ) d.update(buf, 0, n);
        }
        d.digest();
        t[i] = System.nanoTime() - s;
      }
      long first = t[0];
      long[] warm = Arrays.copyOfRange(t, 10, t.length);
      Arrays.sort(warm);
      System.out.printf("SHA-256 of %s (%d bytes): first %.2f ms, then median %.2f ms%n",
          Path.of(file).getFileName(), Files.size(Path.of(file)), first / 1e6, warm[warm.length / 2] / 1e6);
    }
  }
}
JAVA
java "$work/Hash.java" "$jar" "$work/4mib.jar"
