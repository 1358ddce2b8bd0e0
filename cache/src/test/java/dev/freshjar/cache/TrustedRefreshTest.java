package dev.freshjar.cache;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjar.cache.trust.AuthorSignature;
import dev.freshjar.cache.trust.SignatureFile;
import dev.freshjar.cache.trust.SignedStatement;
import dev.freshjar.cache.trust.SigningKey;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Refreshes of modules whose source trusts more than its URL: an author's key (every jar signed,
 * never older than the current one) or an expected SHA-256. Every refused jar leaves the previous
 * good version current, byte for byte, with a reason naming the cause.
 */
@DisplayName("ModuleCache with trust")
class TrustedRefreshTest {
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);
  static final long MAX_JAR = 8 * 1024;

  static final SigningKey AUTHOR = SigningKey.generate();
  static final SigningKey STRANGER = SigningKey.generate();

  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant T1 = Instant.parse("2025-02-01T00:00:00Z");
  static final Instant T2 = Instant.parse("2025-03-01T00:00:00Z");
  static final Instant T3 = Instant.parse("2025-04-01T00:00:00Z");

  static final byte[] V0 = TestJars.module("mod", "0.9", "com.example.Wc");
  static final byte[] V1 = TestJars.module("mod", "1.0", "com.example.Wc");
  static final byte[] V2 = TestJars.module("mod", "2.0", "com.example.Wc", "com.example.Top");

  static final String JAR = "/mod.jar";
  static final String SIG = "/mod.jar.sig";

  @RegisterExtension static final LoopbackServer server = LoopbackServer.withHttps();
  static OkHttpClient trustingClient;

  @TempDir Path dir;
  ModuleCache cache;

  @BeforeAll
  static void trustTheServersCertificate() throws Exception {
    // HTTP/1.1: over HTTP/2, WireMock's Jetty now and then leaves a request on a reused
    // connection unanswered after a test reset its stubs, which reads as a 5 s timeout here.
    trustingClient =
        ModuleCacheTest.trustingClient()
            .newBuilder()
            .protocols(List.of(okhttp3.Protocol.HTTP_1_1))
            .build();
  }

  @BeforeEach
  void openCache() throws Exception {
    cache =
        ModuleCache.open(
            dir.resolve("cache"),
            Settings.DEFAULTS
                .withLockWait(Duration.ofSeconds(5))
                .withHttpClient(() -> trustingClient)
                .withMaxJarBytes(MAX_JAR));
  }

  static String plain() {
    return "http://127.0.0.1:" + server.port();
  }

  static String secure() {
    return "https://localhost:" + server.httpsPort();
  }

  /** An https source of {@code /mod.jar} that trusts only {@link #AUTHOR}. */
  static ModuleSource signedSource(Duration timeout) {
    return new ModuleSource("mod", URI.create(secure() + JAR), false, timeout)
        .withAuthorKey(AUTHOR.publicKey());
  }

  static ModuleSource signedSource() {
    return signedSource(TIMEOUT);
  }

  static ModuleSource unsignedSource() {
    return new ModuleSource("mod", URI.create(secure() + JAR), false, TIMEOUT);
  }

  /** The signature file {@code key} makes for {@code jar}. */
  static byte[] signature(
      byte[] jar, String module, String version, Instant signedAt, SigningKey key) {
    SignedStatement statement =
        new SignedStatement(
            module, TestJars.sha256(jar), version, signedAt, key.publicKey().fingerprint());
    return SignatureFile.sign(statement, key).bytes();
  }

  static byte[] signature(byte[] jar, String version, Instant signedAt) {
    return signature(jar, "mod", version, signedAt, AUTHOR);
  }

  static void serve(String path, byte[] body) {
    server.stubFor(get(path).willReturn(aResponse().withStatus(200).withBody(body)));
  }

  /** Publishes {@code jar} and its signature beside it, as an author does. */
  static void publish(byte[] jar, byte[] sig) {
    serve(JAR, jar);
    serve(SIG, sig);
  }

  Refresh refresh(ModuleSource source) {
    return cache.refresh(source, TestJars.DECLARES_RULES, false);
  }

  CachedJar fresh(Refresh r) {
    return assertInstanceOf(Refresh.Fresh.class, r, r.toString()).current();
  }

  String record() throws IOException {
    return Files.readString(cache.root().resolve("modules/mod.record"));
  }

  @Nested
  class WithAnAuthorKey {
    CachedJar v1;
    String recordOfV1;

    @BeforeEach
    void signedV1IsCurrent() throws IOException {
      publish(V1, signature(V1, "1.0", T1));
      v1 = fresh(refresh(signedSource()));
      recordOfV1 = record();
      server.resetAll();
    }

    @Test
    void aSignedJarIsAcceptedAndItsSignatureFactsAreKeptWithIt() throws IOException {
      assertEquals(TestJars.sha256(V1), v1.sha256());
      assertEquals(
          Optional.of(new AuthorSignature(AUTHOR.publicKey().fingerprint(), "1.0", T1)),
          v1.signature());
      assertEquals(Optional.of(v1), cache.current("mod"));
      assertTrue(
          recordOfV1.contains("history.0.signed-by=" + AUTHOR.publicKey().fingerprint()),
          recordOfV1);
      assertTrue(recordOfV1.contains("history.0.signed-at=" + T1), recordOfV1);
    }

    @Test
    void signedV1ThenSignedV2AreAcceptedInOrder() {
      publish(V2, signature(V2, "2.0", T2));

      Refresh.Fresh r = assertInstanceOf(Refresh.Fresh.class, refresh(signedSource()));

      assertEquals(TestJars.sha256(V2), r.current().sha256());
      assertEquals(Optional.of(v1), r.previous());
      assertEquals("2.0", r.current().signature().orElseThrow().version());
      assertEquals(List.of(r.current(), v1), cache.history("mod"));
    }

    @Test
    void theSignatureIsFetchedFromBesideTheConfiguredUrlEvenWhenTheJarIsRedirected() {
      server.stubFor(
          get(JAR).willReturn(aResponse().withStatus(302).withHeader("Location", "/v2.jar")));
      serve("/v2.jar", V2);
      serve(SIG, signature(V2, "2.0", T2));

      CachedJar v2 = fresh(refresh(signedSource()));

      assertEquals(TestJars.sha256(V2), v2.sha256());
      server.verify(getRequestedFor(urlEqualTo(SIG)));
    }

    @Test
    void aJarThatDidNotChangeCostsNoSignatureFetch() {
      publish(V1, signature(V1, "1.0", T1));

      Refresh.Fresh r = assertInstanceOf(Refresh.Fresh.class, refresh(signedSource()));

      assertFalse(r.changed());
      server.verify(0, getRequestedFor(urlEqualTo(SIG)));
    }

    @Test
    void aForcedRefreshDoesNotBypassAntiDowngrade() throws IOException {
      publish(V0, signature(V0, "0.9", T0));

      Refresh r = cache.refresh(signedSource(), TestJars.DECLARES_RULES, true);

      keptV1(r, "downgrade refused: ");
    }

    @Test
    void anExplicitRollbackToSignedV1IsAllowedAndRuns() {
      publish(V2, signature(V2, "2.0", T2));
      fresh(refresh(signedSource()));

      Rollback back = cache.rollback("mod", Optional.of(v1.sha256()));

      assertEquals(v1, back.to());
      assertEquals(new Refresh.Pinned(v1), refresh(signedSource()));
      assertEquals(new Refresh.Pinned(v1), cache.offline(signedSource()));
    }

    @Test
    void afterARollbackIsUnpinnedTheRolledBackVersionIsTheBaselineOfAntiDowngrade()
        throws IOException {
      publish(V2, signature(V2, "2.0", T2));
      CachedJar v2 = fresh(refresh(signedSource()));
      cache.rollback("mod", Optional.of(v1.sha256()));
      cache.unpin("mod");
      publish(V0, signature(V0, "0.9", T0));

      Refresh older = refresh(signedSource());
      publish(V2, signature(V2, "2.0", T2));
      Refresh newer = refresh(signedSource());

      String reason = assertInstanceOf(Refresh.Fallback.class, older, older.toString()).reason();
      assertTrue(reason.contains("the current version 1.0 signed " + T1), reason);
      assertEquals(v2.sha256(), fresh(newer).sha256());
    }

    @Test
    void aVersionRolledBackToDoesNotRunUnlessTheKeyVerifiedIt() {
      serve(JAR, V0);
      CachedJar unsigned = fresh(refresh(unsignedSource()));
      publish(V1, signature(V1, "1.0", T1));
      fresh(refresh(signedSource()));

      cache.rollback("mod", Optional.of(unsigned.sha256()));
      Refresh r = refresh(signedSource());

      String reason = assertInstanceOf(Refresh.Unavailable.class, r, r.toString()).reason();
      assertTrue(
          reason.startsWith("pinned, but the cached version 0.9/" + unsigned.shortSha()), reason);
      assertTrue(reason.contains("was not verified with key"), reason);
      assertInstanceOf(Refresh.Unavailable.class, cache.offline(signedSource()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.freshjar.cache.TrustedRefreshTest#refusals")
    void aRefusedJarLeavesSignedV1CurrentAndSaysWhy(Runnable stub, String reason)
        throws IOException {
      stub.run();

      Refresh r = cache.refresh(signedSource(SHORT_TIMEOUT), TestJars.DECLARES_RULES, false);

      keptV1(r, reason);
    }

    void keptV1(Refresh r, String reason) throws IOException {
      Refresh.Fallback fallback = assertInstanceOf(Refresh.Fallback.class, r, r.toString());
      assertTrue(fallback.reason().contains(reason), fallback.reason());
      assertEquals(v1, fallback.current());
      assertArrayEquals(V1, Files.readAllBytes(v1.jar()));
      assertEquals(recordOfV1, record());
      assertEquals(Optional.of(v1), cache.current("mod"));
      try (Stream<Path> objects = Files.list(cache.root().resolve("objects"))) {
        assertEquals(List.of(v1.jar()), objects.toList(), "only v1 is stored");
      }
      try (Stream<Path> tmp = Files.list(cache.root().resolve("tmp"))) {
        assertEquals(List.of(), tmp.toList(), "files left in tmp/");
      }
    }
  }

  /** Each: how the server misbehaves, and what the reason must say. */
  static Stream<Arguments> refusals() {
    byte[] tampered = V2.clone();
    tampered[tampered.length / 2] ^= 0x01;
    byte[] v2Sig = signature(V2, "2.0", T2);
    String author = AUTHOR.publicKey().fingerprint();
    String stranger = STRANGER.publicKey().fingerprint();
    byte[] forged =
        new String(signature(V2, "mod", "2.0", T2, STRANGER), StandardCharsets.UTF_8)
            .replace("key=" + stranger, "key=" + author)
            .getBytes(StandardCharsets.UTF_8);
    byte[] altered =
        new String(v2Sig, StandardCharsets.UTF_8)
            .replace("version=2.0", "version=3.0")
            .getBytes(StandardCharsets.UTF_8);
    return Stream.of(
        refusal(
            "a tampered jar (one byte changed)",
            () -> publish(tampered, v2Sig),
            "the jar does not match its signature: " + secure() + JAR + " has sha256 "),
        refusal(
            "a missing .sig",
            () -> serve(JAR, V2),
            "signature not fetched: HTTP 404 Not Found from " + secure() + SIG),
        refusal(
            "a signature by another key",
            () -> publish(V2, signature(V2, "mod", "2.0", T2, STRANGER)),
            "signed by another key: key "
                + stranger
                + " signed it, but the module trusts only key "
                + author),
        refusal(
            "a signature by another key that claims to be the author's",
            () -> publish(V2, forged),
            "the signature does not verify with key " + author),
        refusal(
            "a signed statement altered after signing",
            () -> publish(V2, altered),
            "the signature does not verify with key " + author),
        refusal(
            "a signature for another module's name",
            () -> publish(V2, signature(V2, "other", "2.0", T2, AUTHOR)),
            "signed for another module: " + secure() + SIG + " signs module 'other', not 'mod'"),
        refusal(
            "a correctly signed older version (downgrade)",
            () -> publish(V0, signature(V0, "0.9", T0)),
            "downgrade refused: " + secure() + JAR + " is version 0.9 signed " + T0),
        refusal(
            "an older version signed again later (downgrade)",
            () -> publish(V0, signature(V0, "0.9", T3)),
            "a lower version than the current version 1.0"),
        refusal(
            "a newer version signed before the current one (downgrade)",
            () -> publish(V2, signature(V2, "2.0", T0)),
            "signed earlier than the current version 1.0"),
        refusal(
            "a signature dated in the future",
            () -> publish(V2, signature(V2, "2.0", Instant.now().plus(Duration.ofDays(3)))),
            "signed in the future: "),
        refusal(
            "a signature file that is garbage",
            () -> publish(V2, "<html>not found</html>".getBytes(StandardCharsets.UTF_8)),
            "bad signature " + secure() + SIG + ": not a signature file"),
        refusal(
            "a signature file larger than the limit",
            () -> publish(V2, new byte[SignatureFile.MAX_BYTES + 1]),
            "signature not fetched: larger than the 64 KiB limit: " + secure() + SIG),
        refusal(
            "a jar larger than the limit",
            () -> publish(TestJars.big((int) MAX_JAR * 2), v2Sig),
            "larger than the 8 KiB limit: " + secure() + JAR),
        refusal(
            "a jar redirected from https to http",
            () -> {
              redirect(JAR, plain() + "/v2.jar");
              publishAt("/v2.jar", V2, v2Sig);
            },
            "refused a redirect from " + secure() + JAR + " to " + plain() + "/v2.jar"),
        refusal(
            "a signature redirected from https to http",
            () -> {
              serve(JAR, V2);
              redirect(SIG, plain() + SIG);
            },
            "signature not fetched: refused a redirect from " + secure() + SIG),
        refusal(
            "a jar in a redirect loop",
            () -> {
              redirect(JAR, "/b.jar");
              redirect("/b.jar", JAR);
            },
            "redirect loop: "),
        refusal(
            "a signature in a redirect loop",
            () -> {
              serve(JAR, V2);
              redirect(SIG, "/b.sig");
              redirect("/b.sig", SIG);
            },
            "signature not fetched: redirect loop: "),
        refusal(
            "a jar that trickles in slower than the timeout",
            () ->
                server.stubFor(
                    get(JAR)
                        .willReturn(
                            aResponse().withBody(V2).withChunkedDribbleDelay(V2.length / 4, 3000))),
            "timed out after 500ms fetching " + secure() + JAR),
        refusal(
            "a signature that trickles in past the jar's deadline",
            () -> {
              serve(JAR, V2);
              server.stubFor(
                  get(SIG)
                      .willReturn(
                          aResponse().withBody(v2Sig).withChunkedDribbleDelay(v2Sig.length, 3000)));
            },
            "signature not fetched: timed out after 500ms fetching " + secure() + SIG));
  }

  static Arguments refusal(String name, Runnable stub, String reason) {
    return Arguments.of(Named.of(name, stub), reason);
  }

  static void redirect(String from, String to) {
    server.stubFor(get(from).willReturn(aResponse().withStatus(302).withHeader("Location", to)));
  }

  static void publishAt(String path, byte[] jar, byte[] sig) {
    serve(path, jar);
    serve(path + ".sig", sig);
  }

  @Nested
  class WhenAKeyIsConfiguredAfterAnUnsignedFetch {
    CachedJar unsigned;

    @BeforeEach
    void unsignedV1IsCurrent() {
      serve(JAR, V1);
      unsigned = fresh(refresh(unsignedSource()));
      server.resetAll();
    }

    @Test
    void theCachedJarIsVerifiedAfreshAndKeepsRunningWhenItsSignatureVerifies() {
      publish(V1, signature(V1, "1.0", T1));

      CachedJar verified = fresh(refresh(signedSource()));

      assertEquals(unsigned.sha256(), verified.sha256());
      assertEquals(T1, verified.signature().orElseThrow().signedAt());
    }

    @Test
    void theCachedJarDoesNotRunWhenNoSignedJarCanBeHad() {
      serve(JAR, V1);

      Refresh r = refresh(signedSource());

      String reason = assertInstanceOf(Refresh.Unavailable.class, r, r.toString()).reason();
      assertTrue(reason.startsWith("signature not fetched: HTTP 404"), reason);
      assertTrue(
          reason.endsWith(
              "the cached version 1.0/"
                  + unsigned.shortSha()
                  + " was not verified with key "
                  + AUTHOR.publicKey().fingerprint()
                  + " (it was fetched unsigned), so it does not run"),
          reason);
    }

    @Test
    void theCachedJarDoesNotRunOffline() {
      Refresh r = cache.offline(signedSource());

      String reason = assertInstanceOf(Refresh.Unavailable.class, r, r.toString()).reason();
      assertTrue(reason.startsWith("offline; the cached version 1.0/"), reason);
    }

    @Test
    void theCachedJarDoesNotRunWhenTheCallerGivesUpOnTheRefresh() {
      Refresh r =
          cache.fallback(
              signedSource(), Cause.DEADLINE, "no answer within the update deadline of 5s");

      String reason = assertInstanceOf(Refresh.Unavailable.class, r, r.toString()).reason();
      assertTrue(reason.contains("was not verified with key"), reason);
    }
  }

  @Nested
  class WithAnExpectedSha256 {
    ModuleSource pinnedToV1() {
      return unsignedSource().withExpectedSha256(TestJars.sha256(V1).toUpperCase());
    }

    @Test
    void exactlyThatJarIsAccepted() {
      serve(JAR, V1);

      assertEquals(TestJars.sha256(V1), fresh(refresh(pinnedToV1())).sha256());
    }

    @Test
    void aJarThatDoesNotMatchIsRefusedAndThePinnedJarKeepsRunning() throws IOException {
      serve(JAR, V1);
      CachedJar v1 = fresh(refresh(pinnedToV1()));
      String record = record();
      serve(JAR, V2);

      Refresh r = refresh(pinnedToV1());

      Refresh.Fallback fallback = assertInstanceOf(Refresh.Fallback.class, r, r.toString());
      assertEquals(v1, fallback.current());
      assertEquals(
          "sha256 mismatch: "
              + secure()
              + JAR
              + " has sha256 "
              + TestJars.sha256(V2)
              + ", but module mod accepts only sha256 "
              + TestJars.sha256(V1),
          fallback.reason());
      assertArrayEquals(V1, Files.readAllBytes(v1.jar()));
      assertEquals(record, record());
    }

    @Test
    void aCachedJarOtherThanThePinnedOneDoesNotRun() {
      serve(JAR, V2);
      fresh(refresh(unsignedSource()));

      Refresh r = refresh(pinnedToV1());

      String reason = assertInstanceOf(Refresh.Unavailable.class, r, r.toString()).reason();
      assertTrue(reason.startsWith("sha256 mismatch: "), reason);
      assertTrue(reason.contains("is not the jar pinned by sha256 " + TestJars.sha256(V1)), reason);
    }

    @Test
    void aBadHashIsRefusedWhenTheSourceIsMade() {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> unsignedSource().withExpectedSha256("abc"));

      assertTrue(e.getMessage().contains("expected 64 hex digits"), e.getMessage());
    }
  }

  @Nested
  class FromAFile {
    Path jar;

    @BeforeEach
    void publishLocally() throws IOException {
      jar = dir.resolve("mod.jar");
      Files.write(jar, V1);
    }

    ModuleSource fileSource() {
      return ModuleSource.of("mod", jar.toUri()).withAuthorKey(AUTHOR.publicKey());
    }

    @Test
    void aJarWithItsSignatureBesideItIsAccepted() throws IOException {
      Files.write(dir.resolve("mod.jar.sig"), signature(V1, "1.0", T1));

      CachedJar v1 = fresh(refresh(fileSource()));

      assertEquals("1.0", v1.signature().orElseThrow().version());
    }

    @Test
    void aJarWithoutItsSignatureIsRefused() throws Exception {
      Refresh r = refresh(fileSource());

      String reason = assertInstanceOf(Refresh.Unavailable.class, r, r.toString()).reason();
      assertEquals(
          "signature not fetched: no such file: "
              + Trust.signatureUrl(jar.toUri())
              + " (module mod accepts only jars signed by key "
              + AUTHOR.publicKey().fingerprint()
              + ")",
          reason);
    }
  }
}
