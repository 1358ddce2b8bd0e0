package dev.freshjar.launcher.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import dev.freshjar.launcher.fixtures.JarServer;
import dev.freshjar.launcher.fixtures.ModuleJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What used to leave a user stuck for good, or running code nobody checked, through the real {@code
 * bin/freshjar}: {@code update} repairs it, a run refuses it and says what to do.
 */
class SelfHealingIT {
  static final byte[] A1 = ModuleJar.answering("alpha", "a", "a1").version("1.0").bytes();
  static final byte[] A2 = ModuleJar.answering("alpha", "a", "a2").version("2.0").bytes();

  @RegisterExtension static JarServer server = new JarServer();

  @TempDir Path dir;
  Freshjar freshjar;

  @BeforeEach
  void oneModule() {
    freshjar = Freshjar.withCache(dir.resolve("cache")).option("--module", server.module("alpha"));
    serve(A1);
  }

  static void serve(byte[] jar) {
    server.serve("alpha", jar);
  }

  Path object(byte[] jar) {
    return dir.resolve("cache/objects/" + JarServer.sha256(jar) + ".jar");
  }

  Path input() throws Exception {
    return Files.writeString(dir.resolve("in.txt"), "x\n");
  }

  @Nested
  class ATruncatedObject {
    @Test
    void isReportedByARunAndByVerifyAndRepairedByUpdate() throws Exception {
      assertThat(freshjar.run("update").exitCode()).isZero();
      Files.write(object(A1), Arrays.copyOf(A1, A1.length / 2));

      Result run = freshjar.run("a", input().toString());
      Result verify = freshjar.run("cache", "verify");
      Result update = freshjar.run("update");
      Result verifyAfter = freshjar.run("cache", "verify");
      Result runAfter = freshjar.run("--format", "tsv", "a", input().toString());

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
      assertThat(run.stderr()).contains("is damaged").contains("'freshjar update'");
      assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(5);
      assertThat(verify.stdout()).contains("'freshjar update' repairs it");
      assertThat(update.exitCode()).as(update.toString()).isZero();
      assertThat(update.stdout()).startsWith("alpha: repaired 1.0/").doesNotContain("unchanged");
      assertThat(verifyAfter.exitCode()).as(verifyAfter.toString()).isZero();
      assertThat(runAfter.exitCode()).as(runAfter.toString()).isZero();
      assertThat(runAfter.stdout()).isEqualTo("answer\na1\n");
    }

    @Test
    void isNeverReportedUnchangedByUpdateWhenItsSourceIsDown() throws Exception {
      assertThat(freshjar.run("update").exitCode()).isZero();
      Files.write(object(A1), Arrays.copyOf(A1, 40));
      server.fail("alpha", 503);

      Result update = freshjar.run("update");

      assertThat(update.exitCode()).as(update.toString()).isEqualTo(3);
      assertThat(update.stdout())
          .startsWith("alpha: unavailable: ")
          .contains("is damaged")
          .doesNotContain("unchanged");
    }
  }

  @Nested
  class ASwappedObject {
    @Test
    void doesNotRunTheOtherCodeEvenWithRefresh() throws Exception {
      assertThat(freshjar.run("update").exitCode()).isZero();
      Files.write(object(A1), A2);
      server.fail("alpha", 404);

      Result run = freshjar.run("--refresh", "--format", "tsv", "a", input().toString());

      assertThat(run.stdout()).doesNotContain("a2");
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
      assertThat(run.stderr()).contains("is damaged");
    }
  }

  @Nested
  class ARecordThatIsNotUtf8 {
    @Test
    void saysWhatToDoAndIsRewrittenByUpdate() throws Exception {
      assertThat(freshjar.run("update").exitCode()).isZero();
      byte[] garbage = new byte[200];
      new Random(3).nextBytes(garbage);
      garbage[0] = (byte) 0xc3;
      garbage[1] = (byte) 0x28;
      Files.write(dir.resolve("cache/modules/alpha.record"), garbage);

      Result run = freshjar.run("a", input().toString());
      Result update = freshjar.run("update");
      Result runAfter = freshjar.run("--format", "tsv", "a", input().toString());
      Result verify = freshjar.run("cache", "verify");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
      assertThat(run.stderr())
          .contains("not UTF-8")
          .contains("'freshjar update' replaces it")
          .doesNotContain("Input length");
      assertThat(update.exitCode()).as(update.toString()).isZero();
      assertThat(update.stdout()).startsWith("alpha: fetched 1.0/");
      assertThat(runAfter.stdout()).isEqualTo("answer\na1\n");
      assertThat(verify.exitCode()).as(verify.toString()).isZero();
    }
  }

  @Nested
  class ACacheOthersMayWrite {
    @Test
    void isRefusedNamingTheDirectoryAndTheChmod() throws Exception {
      assertThat(freshjar.run("update").exitCode()).isZero();
      Path objects = dir.resolve("cache/objects");
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(objects);
      perms.add(PosixFilePermission.OTHERS_WRITE);
      Files.setPosixFilePermissions(objects, perms);

      Result run = freshjar.run("a", input().toString());

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
      assertThat(run.stderr()).contains("chmod go-w " + objects);
    }

    @Test
    void isNeverTheCaseForACacheFreshjarCreated() throws Exception {
      Result run = freshjar.run("--format", "tsv", "a", input().toString());
      Result again = freshjar.run("--format", "tsv", "--offline", "a", input().toString());

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(again.exitCode()).as(again.toString()).isZero();
      assertThat(again.stdout()).isEqualTo("answer\na1\n");
    }
  }

  @Nested
  class WhatServersAndJarsSay {
    static final String ESCAPES = "\u001b]0;TITLE\u0007\u001b[2J";

    @Test
    void aStatusLineIsEscapedInUpdatesOutputAndLog() throws Exception {
      assertThat(freshjar.run("update").exitCode()).isZero();
      server.stubFor(
          get("/alpha.jar")
              .willReturn(aResponse().withStatus(503).withStatusMessage("Down" + ESCAPES)));
      Path log = dir.resolve("update.log");

      Result update = freshjar.run("update", "--log-file", log.toString());

      assertThat(update.exitCode()).as(update.toString()).isEqualTo(4);
      assertThat(update.stdout()).contains("HTTP 503 Down").doesNotContain("\u001b");
      assertThat(update.stdout() + update.stderr()).doesNotContain("\u0007");
      assertThat(Files.readString(log)).doesNotContain("\u001b").contains("\\u001b");
    }

    @Test
    void anImplementationVersionIsEscapedWhereverItIsShown() {
      serve(ModuleJar.answering("alpha", "a", "bad").version("1.0" + ESCAPES).bytes());

      Result update = freshjar.run("update");
      Result modules = freshjar.run("modules");

      assertThat(update.exitCode()).as(update.toString()).isZero();
      assertThat(update.stdout()).contains("fetched 1.0\\u001b").doesNotContain("\u001b");
      assertThat(modules.stdout()).doesNotContain("\u001b");
    }

    @Test
    void aRulesExceptionMessageIsEscaped() throws Exception {
      String pkg = "fixture.loud";
      String source =
          """
          package %s;
          import dev.freshjar.api.*;
          public class LoudRule implements Rule {
            public String name() { return "a"; }
            public String summary() { return "throws"; }
            public Table apply(Input input, Arguments arguments) {
              throw new IllegalStateException("boom\\u001b[2J\\nforged: line");
            }
          }
          """
              .formatted(pkg);
      serve(ModuleJar.named("alpha").rule(pkg + ".LoudRule", source).bytes());

      Result run = freshjar.run("a", input().toString());

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(run.stderr()).contains("boom\\u001b[2J").doesNotContain("\u001b");
      assertThat(run.stderr()).doesNotContain("\nforged: line");
    }

    @Test
    void aHugeConfigValueIsNotEchoedWhole() throws Exception {
      Path config =
          Files.writeString(
              dir.resolve("modules.conf"),
              "[module big]\nurl = http://" + "x".repeat(1 << 20) + "\u001b/\ntimeout = soon\n");

      Result run = freshjar.run("--config", config.toString(), "modules");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.stderr().length()).isLessThan(10_000);
      assertThat(run.stderr()).doesNotContain("\u001b");
    }
  }
}
