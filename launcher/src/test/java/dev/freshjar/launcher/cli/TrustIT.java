package dev.freshjar.launcher.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import dev.freshjar.launcher.fixtures.JarServer;
import dev.freshjar.launcher.fixtures.ModuleJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An author who signs, a user who trusts the author's key (or pins a jar's hash), and the real
 * bin/freshjar between them: whatever the server sends that the author did not publish, the user
 * keeps running the previous good version and is told why.
 */
class TrustIT {
  @RegisterExtension static JarServer server = new JarServer();

  @TempDir Path dir;
  Freshjar freshjar;
  Path authorKey;
  Path strangerKey;
  String keyLine;
  String fingerprint;

  @BeforeEach
  void anAuthorWithAKey() {
    freshjar = Freshjar.withCache(dir.resolve("cache")).workDir(dir);
    authorKey = dir.resolve("author.key");
    Result generated = freshjar.run("keys", "generate", "--out", authorKey.toString());
    assertThat(generated.exitCode()).as(generated.toString()).isZero();
    keyLine = generated.stdout().lines().filter(l -> l.startsWith("key = ")).findFirst().get();
    fingerprint =
        generated.stdout().lines().findFirst().get().replace("# freshjar author key ", "");
    strangerKey = dir.resolve("stranger.key");
    freshjar.run("keys", "generate", "--out", strangerKey.toString());
  }

  String url() {
    return server.baseUrl() + "/acme.jar";
  }

  /** A built jar of module acme whose rule 'answer' answers {@code answer}. */
  Path build(String answer, String version) {
    return ModuleJar.answering("acme-rules", "answer", answer)
        .version(version)
        .writeTo(dir.resolve("acme-" + answer.replace(' ', '-') + ".jar"));
  }

  /** Signs {@code jar} as module {@code module} with {@code key}; returns the signature's bytes. */
  byte[] sign(Path jar, String module, Path key) {
    Result run = freshjar.run("sign", jar.toString(), "--key", key.toString(), "--name", module);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return read(Path.of(jar + ".sig"));
  }

  void publish(byte[] jar, byte[] sig) {
    server.stubFor(get("/acme.jar").willReturn(aResponse().withBody(jar)));
    if (sig == null) {
      server.stubFor(get("/acme.jar.sig").willReturn(aResponse().withStatus(404)));
    } else {
      server.stubFor(get("/acme.jar.sig").willReturn(aResponse().withBody(sig)));
    }
  }

  /** Writes the user's configuration of module acme, with {@code extraLines} after its url. */
  void configure(String extraLines) {
    Path config = dir.resolve("modules.conf");
    if (!Files.exists(config)) {
      freshjar.option("--config", config.toString());
    }
    write(config, "[module acme]\nurl = " + url() + "\n" + extraLines + "\n");
  }

  Result answer() {
    return freshjar.run("--format", "tsv", "answer", "-");
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Nested
  class WithTheAuthorsKey {
    Path v1;

    @BeforeEach
    void signedV1Runs() {
      configure(keyLine);
      v1 = build("v1", "1.0");
      publish(read(v1), sign(v1, "acme", authorKey));
      Result run = answer();
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout()).isEqualTo("answer\nv1\n");
    }

    @Test
    void signedV1ThenSignedV2AreAcceptedInOrder() {
      Path v2 = build("v2", "2.0");
      publish(read(v2), sign(v2, "acme", authorKey));

      Result run = answer();

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout()).isEqualTo("answer\nv2\n");
      assertThat(run.stderr()).isEmpty();
    }

    @Test
    void modulesAndRulesShowTheKeyThatSignedTheRunningJar() {
      Result modules = freshjar.run("--format", "tsv", "modules");
      Result rules = freshjar.run("--format", "tsv", "rules");

      assertThat(modules.stdout()).contains("\tkey " + fingerprint + "\t");
      assertThat(rules.stdout()).contains("acme:answer\t").contains("\tkey " + fingerprint + "\t");
    }

    @Test
    void anExplicitRollbackToSignedV1IsAllowed() {
      Path v2 = build("v2", "2.0");
      publish(read(v2), sign(v2, "acme", authorKey));
      assertThat(answer().stdout()).isEqualTo("answer\nv2\n");

      Result rollback = freshjar.run("modules", "rollback", "acme", sha256(read(v1)));
      Result run = answer();

      assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout()).isEqualTo("answer\nv1\n");
      assertThat(freshjar.run("--format", "tsv", "modules").stdout())
          .contains("\tkey " + fingerprint + "\t");
    }

    @Test
    void refreshDownloadsAgainButDoesNotBypassAntiDowngrade() {
      Path v0 = build("v0", "0.9");
      publish(read(v0), sign(v0, "acme", authorKey));

      Result run = freshjar.run("--refresh", "--format", "tsv", "answer", "-");

      assertThat(run.stdout()).isEqualTo("answer\nv1\n");
      assertThat(run.stderr()).contains("downgrade refused");
    }

    @ParameterizedTest
    @MethodSource("dev.freshjar.launcher.cli.TrustIT#refusals")
    void aJarTheAuthorDidNotPublishLeavesV1RunningAndSaysWhy(
        Consumer<TrustIT> serve, String reason) {
      serve.accept(TrustIT.this);

      Result run = answer();

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout()).isEqualTo("answer\nv1\n");
      assertThat(run.stderr())
          .contains("freshjar: warning: module acme: using cached 1.0/")
          .contains(reason);
    }
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        argumentSet(
            "a tampered jar (one byte changed)",
            (Consumer<TrustIT>)
                t -> {
                  Path v2 = t.build("v2", "2.0");
                  byte[] sig = t.sign(v2, "acme", t.authorKey);
                  byte[] jar = read(v2);
                  jar[jar.length / 2] ^= 1;
                  t.publish(jar, sig);
                },
            "the jar does not match its signature"),
        argumentSet(
            "a missing .sig",
            (Consumer<TrustIT>) t -> t.publish(read(t.build("v2", "2.0")), null),
            "signature not fetched: HTTP 404"),
        argumentSet(
            "a signature by another key",
            (Consumer<TrustIT>)
                t -> {
                  Path v2 = t.build("v2", "2.0");
                  t.publish(read(v2), t.sign(v2, "acme", t.strangerKey));
                },
            "signed by another key"),
        argumentSet(
            "a signature for another module's name",
            (Consumer<TrustIT>)
                t -> {
                  Path v2 = t.build("v2", "2.0");
                  t.publish(read(v2), t.sign(v2, "other", t.authorKey));
                },
            "signs module 'other', not 'acme'"),
        argumentSet(
            "a correctly signed older version (downgrade)",
            (Consumer<TrustIT>)
                t -> {
                  Path v0 = t.build("v0", "0.9");
                  t.publish(read(v0), t.sign(v0, "acme", t.authorKey));
                },
            "downgrade refused"),
        argumentSet(
            "a signature file that is garbage",
            (Consumer<TrustIT>)
                t ->
                    t.publish(
                        read(t.build("v2", "2.0")),
                        "<html>oops</html>".getBytes(StandardCharsets.UTF_8)),
            "not a signature file"));
  }

  @Nested
  class WithAPinnedSha256 {
    @Test
    void aJarThatDoesNotMatchIsRefusedAndThePinnedJarKeepsRunning() {
      byte[] v1 = read(build("v1", "1.0"));
      configure("sha256 = " + sha256(v1));
      publish(v1, null);
      assertThat(answer().stdout()).isEqualTo("answer\nv1\n");
      publish(read(build("v2", "2.0")), null);

      Result run = answer();

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout()).isEqualTo("answer\nv1\n");
      assertThat(run.stderr()).contains("sha256 mismatch").contains(sha256(v1));
      assertThat(freshjar.run("--format", "tsv", "modules").stdout()).contains("\tsha256 pinned\t");
    }
  }

  @Test
  void aJarCachedUnsignedDoesNotRunOnceTheAuthorsKeyIsConfigured() {
    Path v1 = build("v1", "1.0");
    publish(read(v1), null);
    configure("");
    assertThat(answer().stdout()).isEqualTo("answer\nv1\n");
    configure(keyLine);

    Result run = answer();

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr())
        .contains("signature not fetched: HTTP 404")
        .contains("was not verified with key " + fingerprint + " (it was fetched unsigned)");
  }

  @Test
  void aBadKeyInTheConfigurationIsAUsageErrorNamingTheLine() {
    configure("key = ed25519:AAAA");

    Result run = answer();

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.stderr())
        .contains("modules.conf:3: key 'ed25519:AAAA' is not an Ed25519 public key");
  }
}
