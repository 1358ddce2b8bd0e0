package dev.freshjar.launcher.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import dev.freshjar.launcher.fixtures.JarServer;
import dev.freshjar.launcher.fixtures.ModuleJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cache on a read-only file system, and on a full one. Tests run as root, whom permissions do not
 * stop, so each run gets a private mount namespace ({@code unshare --mount}) in which the cache
 * directory is a read-only bind mount of itself, or a tiny tmpfs filled to the last block: the
 * kernel then refuses writes with EROFS or ENOSPC, for root too. The mounts exist only inside that
 * namespace and vanish with it, so none is left behind even if a test dies.
 */
class UnwritableCacheIT {
  static final byte[] V1 = ModuleJar.answering("mod", "answer", "v1").version("1.0").bytes();
  static final byte[] V2 = ModuleJar.answering("mod", "answer", "v2").version("2.0").bytes();

  /** Mounts the cache ($1) read-only over itself, then runs the rest of the arguments. */
  static final String READ_ONLY =
      "set -e; mount --bind \"$1\" \"$1\"; mount -o remount,bind,ro \"$1\"; shift; exec \"$@\"";

  /**
   * Puts a copy of the cache ($1) on a 1 MiB tmpfs mounted over it, fills the tmpfs, runs the rest
   * of the arguments, then copies what the run left in the cache to $2 for the test to inspect.
   */
  static final String FULL_DISK =
      """
      set -e
      cache=$1; out=$2; shift 2
      stage=$(mktemp -d)
      cp -a "$cache/." "$stage/"
      mount -t tmpfs -o size=1m tmpfs "$cache"
      cp -a "$stage/." "$cache/"
      rm -rf "$stage"
      dd if=/dev/zero of="$cache/filler" bs=4096 2>/dev/null || true
      set +e
      "$@"
      status=$?
      rm -f "$cache/filler"
      cp -a "$cache/." "$out/"
      exit $status
      """;

  @RegisterExtension static JarServer server = new JarServer();

  @TempDir Path dir;
  Path cache;
  String module;

  @BeforeAll
  static void privateMountNamespacesWork() throws Exception {
    Process probe =
        new ProcessBuilder("unshare", "--mount", "true")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assumeTrue(
        probe.waitFor() == 0,
        "needs 'unshare --mount' (root or a user namespace) to make an unwritable file system");
  }

  @BeforeEach
  void cacheHoldsVersionOneAndTheServerHasVersionTwo() {
    cache = dir.resolve("cache");
    module = server.module("mod");
    server.stubFor(
        get("/mod.jar").willReturn(aResponse().withHeader("ETag", "\"v1\"").withBody(V1)));
    Result first = Freshjar.withCache(cache).option("--module", module).run("update");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    server.stubFor(
        get("/mod.jar").willReturn(aResponse().withHeader("ETag", "\"v2\"").withBody(V2)));
  }

  @Nested
  class ReadOnly {
    Freshjar readOnly() {
      return Freshjar.withCache(cache)
          .option("--module", module)
          .wrappedIn("unshare", "--mount", "bash", "-c", READ_ONLY, "read-only", cache.toString());
    }

    @Test
    void aRuleRunsOnTheCachedVersionWithAWarningAndTheCacheIsUntouched() throws IOException {
      String record = Files.readString(cache.resolve("modules/mod.record"));

      Result run = readOnly().run("--format", "tsv", "answer", "-");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout()).isEqualTo("answer\nv1\n");
      assertThat(run.stderr())
          .contains("warning: module mod: using cached 1.0/")
          .contains("cache not writable")
          .contains("Read-only file system");
      assertThat(Files.readString(cache.resolve("modules/mod.record"))).isEqualTo(record);
      assertThat(files(cache.resolve("tmp"))).isEmpty();
      assertThat(files(cache.resolve("objects"))).hasSize(1);
      assertNoMountLeft();
    }

    @Test
    void updateSaysItFellBackAndExitsFour() {
      Result run = readOnly().run("update");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
      assertThat(run.stdout())
          .startsWith("mod: failed: cache not writable: ")
          .contains("still on 1.0/");
    }
  }

  @Nested
  class FullDisk {
    @Test
    void aRuleRunsOnTheCachedVersionWithAWarningAndNothingHalfWrittenIsLeft() throws IOException {
      Path after = Files.createDirectories(dir.resolve("after"));
      Freshjar full =
          Freshjar.withCache(cache)
              .option("--module", module)
              .wrappedIn(
                  "unshare",
                  "--mount",
                  "bash",
                  "-c",
                  FULL_DISK,
                  "full-disk",
                  cache.toString(),
                  after.toString());

      Result run = full.run("--format", "tsv", "answer", "-");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout()).isEqualTo("answer\nv1\n");
      assertThat(run.stderr())
          .contains("warning: module mod: using cached 1.0/")
          .contains("cache not writable")
          .contains("No space left on device");
      assertThat(files(after.resolve("tmp"))).as("left in tmp/").isEmpty();
      assertThat(files(after.resolve("objects"))).hasSize(1);
      assertThat(files(after.resolve("modules")).stream().map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("mod.record", "mod.lock");
      assertThat(Files.readString(after.resolve("modules/mod.record")))
          .isEqualTo(Files.readString(cache.resolve("modules/mod.record")));
      Result verify = Freshjar.withCache(after).run("cache", "verify");
      assertThat(verify.exitCode()).as(verify.toString()).isZero();
      assertNoMountLeft();
    }
  }

  /** A full disk is named by where it is: a cron log must say which disk to free. */
  @Nested
  class FullDiskNamed {
    Freshjar full(Path after) {
      return Freshjar.withCache(cache)
          .option("--module", module)
          .wrappedIn(
              "unshare",
              "--mount",
              "bash",
              "-c",
              FULL_DISK,
              "full-disk",
              cache.toString(),
              after.toString());
    }

    @Test
    void updateNamesTheDirectoryItCouldNotWriteADownloadTo() throws IOException {
      Result run = full(Files.createDirectories(dir.resolve("after"))).run("update");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
      assertThat(run.stdout())
          .startsWith("mod: failed: cache not writable: " + cache.resolve("tmp") + ": ")
          .contains("No space left on device");
    }

    @Test
    void pinNamesTheRecordItCouldNotWrite() throws IOException {
      Result run = full(Files.createDirectories(dir.resolve("after"))).run("modules", "pin", "mod");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(run.stderr())
          .contains("cache not writable: " + cache.resolve("modules/mod.record") + ": ")
          .contains("No space left on device");
    }
  }

  void assertNoMountLeft() throws IOException {
    assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(dir.toString());
  }

  static List<Path> files(Path d) throws IOException {
    try (Stream<Path> files = Files.list(d)) {
      return files.toList();
    }
  }
}
