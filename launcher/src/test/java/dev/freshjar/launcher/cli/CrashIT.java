package dev.freshjar.launcher.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import dev.freshjar.launcher.fixtures.ModuleJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** bin/freshjar killed with SIGKILL while it downloads a new version, again and again. */
class CrashIT {
  static final int KILLS = Integer.getInteger("freshjar.it.kills", 5);

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          // Gzip would buffer the dribbled body and send it all at the end.
          .options(wireMockConfig().dynamicPort().gzipDisabled(true))
          .build();

  @TempDir Path cache;

  @Test
  void aKillMidDownloadLeavesThePreviousVersionAndTheNextRunSweepsWhatWasHalfWritten()
      throws Exception {
    byte[] v1 = ModuleJar.answering("mod", "answer", "v1").version("1.0").bytes();
    byte[] v2 = ModuleJar.answering("mod", "answer", "v2").version("2.0").bytes();
    server.stubFor(
        get("/mod.jar").willReturn(aResponse().withHeader("ETag", "\"v1\"").withBody(v1)));
    Freshjar freshjar =
        Freshjar.withCache(cache).option("--module", "mod=" + server.baseUrl() + "/mod.jar");
    Result first = freshjar.run("update");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    // A body that takes a minute: the download is surely in progress when the kill comes.
    server.stubFor(
        get("/mod.jar")
            .willReturn(
                aResponse()
                    .withHeader("ETag", "\"v2\"")
                    .withBody(v2)
                    .withChunkedDribbleDelay(v2.length / 16, 60_000)));

    for (int kill = 1; kill <= KILLS; kill++) {
      Process update = freshjar.start("update");
      awaitPartialDownload(update);
      killWithDescendants(update);
      assertThat(files(cache.resolve("tmp"))).as("the kill left the download behind").isNotEmpty();

      Result next = freshjar.run("--offline", "--format", "tsv", "answer", "-");

      assertThat(next.exitCode()).as(next.toString()).isZero();
      assertThat(next.stdout()).as("kill %d", kill).isEqualTo("answer\nv1\n");
      assertThat(files(cache.resolve("tmp"))).as("swept after kill %d", kill).isEmpty();
      Result verify = freshjar.run("cache", "verify");
      assertThat(verify.exitCode()).as(verify.toString()).isZero();
      assertThat(verify.stdout()).endsWith("all good\n");
    }
  }

  /** Waits until the process has received some but not all of the new jar into tmp/. */
  void awaitPartialDownload(Process update) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (!update.isAlive()) {
        throw new AssertionError(
            "freshjar update ended (exit "
                + update.exitValue()
                + ") before it was killed:\n"
                + new String(update.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                + new String(update.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
      }
      for (Path f : files(cache.resolve("tmp"))) {
        if (f.toString().endsWith(".part") && size(f) > 0) {
          return;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no download started in " + cache.resolve("tmp"));
  }

  static void killWithDescendants(Process process) throws Exception {
    // bin/freshjar is a shell script; the JVM may be its child rather than replace it.
    List<ProcessHandle> all =
        Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
    all.forEach(ProcessHandle::destroyForcibly); // SIGKILL
    for (ProcessHandle p : all) {
      p.onExit().get(30, TimeUnit.SECONDS);
    }
  }

  static List<Path> files(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // gone meanwhile
    }
  }
}
