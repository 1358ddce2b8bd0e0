package dev.freshjar.cache;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
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
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ModuleCache")
class ModuleCacheTest {
  /** Generous: a cold JVM on a busy machine can take a while over its first fetch. */
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** For the sources that are meant to time out. */
  static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);

  static final byte[] V1 = TestJars.module("mod", "1.0", "com.example.Wc");
  static final byte[] V2 = TestJars.module("mod", "2.0", "com.example.Wc", "com.example.Top");
  static final String JAR_PATH = "/mod.jar";

  @RegisterExtension static final LoopbackServer server = LoopbackServer.withHttps();
  static OkHttpClient trustingClient;

  @TempDir Path dir;
  ModuleCache cache;

  @BeforeAll
  static void trustTheServersCertificate() throws Exception {
    trustingClient = trustingClient();
  }

  @BeforeEach
  void openCache() {
    cache = ModuleCache.open(dir.resolve("cache"), testSettings());
  }

  @AfterEach
  void noDownloadLeftBehind() throws IOException {
    Path tmp = cache.root().resolve("tmp");
    if (Files.isDirectory(tmp)) {
      try (Stream<Path> files = Files.list(tmp)) {
        assertEquals(List.of(), files.toList(), "files left in tmp/");
      }
    }
  }

  static Settings testSettings() {
    return Settings.DEFAULTS
        .withLockWait(Duration.ofSeconds(5))
        .withHttpClient(() -> trustingClient);
  }

  /** The plain http base URL (WireMock's own baseUrl() prefers https when both are on). */
  static String base() {
    return "http://127.0.0.1:" + server.port();
  }

  /** An https URL on WireMock. */
  static ModuleSource secure(String path) {
    return new ModuleSource(
        "mod", URI.create("https://localhost:" + server.httpsPort() + path), false, TIMEOUT);
  }

  static ModuleSource source(String path) {
    return source(URI.create(base() + path));
  }

  static ModuleSource source(URI url) {
    return new ModuleSource("mod", url, false, TIMEOUT);
  }

  static void serve(String path, byte[] jar, String etag) {
    server.stubFor(
        get(path)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/java-archive")
                    .withHeader("ETag", etag)
                    .withBody(jar)));
  }

  Refresh refresh(String path) {
    return cache.refresh(source(path), TestJars.DECLARES_RULES, false);
  }

  /** The cache after a first successful fetch of {@link #V1}. */
  CachedJar fetchV1() {
    serve(JAR_PATH, V1, "\"v1\"");
    Refresh r = refresh(JAR_PATH);
    server.resetAll();
    return assertInstanceOf(Refresh.Fresh.class, r, r.toString()).current();
  }

  static Path object(ModuleCache cache, byte[] jar) {
    return cache.root().resolve("objects").resolve(TestJars.sha256(jar) + ".jar");
  }

  @Nested
  class FirstFetch {
    @Test
    void storesTheJarUnderItsSha256AndRecordsItAsCurrent() throws IOException {
      serve(JAR_PATH, V1, "\"v1\"");

      Refresh r = refresh(JAR_PATH);

      Refresh.Fresh fresh = assertInstanceOf(Refresh.Fresh.class, r, r.toString());
      CachedJar jar = fresh.current();
      assertEquals(TestJars.sha256(V1), jar.sha256());
      assertEquals(object(cache, V1), jar.jar());
      assertArrayEquals(V1, Files.readAllBytes(jar.jar()));
      assertEquals("mod", jar.title());
      assertEquals("1.0", jar.version());
      assertEquals(source(JAR_PATH).url(), jar.source());
      assertEquals(Optional.empty(), fresh.previous());
      assertTrue(fresh.changed());
      assertEquals(Optional.of(jar), cache.current("mod"));
      String record = Files.readString(cache.root().resolve("modules/mod.record"));
      assertTrue(record.contains("current=" + jar.sha256()), record);
      assertTrue(record.contains("etag=\"v1\""), record);
    }

    @Test
    void isSeenByAnotherCacheOpenedOnTheSameDirectory() {
      CachedJar v1 = fetchV1();

      assertEquals(Optional.of(v1), ModuleCache.open(cache.root()).current("mod"));
    }
  }

  @Nested
  class ConditionalGet {
    @Test
    void aSecondRefreshSendsTheETagAndA304DownloadsNothing() {
      CachedJar v1 = fetchV1();
      serve(JAR_PATH, V2, "\"v2\"");
      server.stubFor(
          get(JAR_PATH)
              .withHeader("If-None-Match", equalTo("\"v1\""))
              .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v1\"")));

      Refresh r = refresh(JAR_PATH);

      Refresh.Fresh fresh = assertInstanceOf(Refresh.Fresh.class, r, r.toString());
      assertEquals(v1, fresh.current());
      assertEquals(Optional.of(v1), fresh.previous());
      assertFalse(fresh.changed());
      server.verify(
          1, getRequestedFor(urlEqualTo(JAR_PATH)).withHeader("If-None-Match", equalTo("\"v1\"")));
      assertEquals(304, server.getAllServeEvents().get(0).getResponse().getStatus());
      assertFalse(Files.exists(object(cache, V2)));
    }

    @Test
    void sendsLastModifiedBackAsIfModifiedSince() {
      String lastModified = "Wed, 21 Oct 2015 07:28:00 GMT";
      server.stubFor(
          get(JAR_PATH)
              .willReturn(aResponse().withHeader("Last-Modified", lastModified).withBody(V1)));
      assertInstanceOf(Refresh.Fresh.class, refresh(JAR_PATH));
      server.resetAll();
      server.stubFor(
          get(JAR_PATH)
              .withHeader("If-Modified-Since", equalTo(lastModified))
              .willReturn(aResponse().withStatus(304)));

      Refresh r = refresh(JAR_PATH);

      assertFalse(assertInstanceOf(Refresh.Fresh.class, r, r.toString()).changed());
    }

    @Test
    void aForcedRefreshSendsNoValidatorsAndDownloadsAgain() {
      CachedJar v1 = fetchV1();
      serve(JAR_PATH, V1, "\"v1\"");

      Refresh r = cache.refresh(source(JAR_PATH), TestJars.DECLARES_RULES, true);

      Refresh.Fresh fresh = assertInstanceOf(Refresh.Fresh.class, r, r.toString());
      assertEquals(v1, fresh.current());
      assertFalse(fresh.changed());
      server.verify(
          getRequestedFor(urlEqualTo(JAR_PATH))
              .withHeader("If-None-Match", absent())
              .withHeader("If-Modified-Since", absent()));
    }

    @Test
    void sendsNoValidatorsWhenTheModuleMovedToAnotherUrl() {
      fetchV1();
      serve("/elsewhere.jar", V2, "\"v1\"");

      Refresh r = refresh("/elsewhere.jar");

      assertTrue(assertInstanceOf(Refresh.Fresh.class, r, r.toString()).changed());
      server.verify(
          getRequestedFor(urlEqualTo("/elsewhere.jar")).withHeader("If-None-Match", absent()));
    }

    @Test
    void theSameBytesServedWithout304AreReportedUnchanged() {
      CachedJar v1 = fetchV1();
      serve(JAR_PATH, V1, "\"v1-again\"");

      Refresh r = refresh(JAR_PATH);

      Refresh.Fresh fresh = assertInstanceOf(Refresh.Fresh.class, r, r.toString());
      assertEquals(Optional.of(v1), fresh.previous());
      assertFalse(fresh.changed());
      assertEquals(List.of(v1), cache.history("mod"));
    }
  }

  @Nested
  class NewVersion {
    @Test
    void aDifferentJarBecomesCurrentAndThePreviousIsReported() throws IOException {
      CachedJar v1 = fetchV1();
      serve(JAR_PATH, V2, "\"v2\"");

      Refresh r = refresh(JAR_PATH);

      Refresh.Fresh fresh = assertInstanceOf(Refresh.Fresh.class, r, r.toString());
      assertEquals(TestJars.sha256(V2), fresh.current().sha256());
      assertEquals("2.0", fresh.current().version());
      assertEquals(Optional.of(v1), fresh.previous());
      assertTrue(fresh.changed());
      assertEquals(Optional.of(fresh.current()), cache.current("mod"));
      assertArrayEquals(
          V1, Files.readAllBytes(v1.jar()), "the old object stays for running loaders");
      assertEquals(List.of(fresh.current(), v1), cache.history("mod"));
    }

    @Test
    void aVersionFetchedAgainMovesToTheFrontOfTheHistoryOnce() {
      CachedJar v1 = fetchV1();
      serve(JAR_PATH, V2, "\"v2\"");
      CachedJar v2 = refresh(JAR_PATH).jar().orElseThrow();
      serve(JAR_PATH, V1, "\"v1b\"");

      Refresh r = refresh(JAR_PATH);

      assertEquals(v1.sha256(), r.jar().orElseThrow().sha256());
      assertEquals(
          List.of(v1.sha256(), v2.sha256()),
          cache.history("mod").stream().map(CachedJar::sha256).toList());
    }
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        failure("404", r -> r.withStatus(404), "HTTP 404 Not Found from "),
        failure("500", r -> r.withStatus(500), "HTTP 500 Server Error from "),
        failure("503", r -> r.withStatus(503), "HTTP 503 Service Unavailable from "),
        failure(
            "a server slower than the timeout",
            r -> r.withBody(V2).withFixedDelay(1500),
            "timed out after 500ms fetching "),
        failure(
            "a body trickling in past the overall timeout",
            r -> r.withBody(V2).withChunkedDribbleDelay(V2.length / 4, 3000),
            "timed out after 500ms fetching "),
        failure(
            "a malformed chunk",
            r -> r.withFault(Fault.MALFORMED_RESPONSE_CHUNK),
            "truncated body from "),
        failure(
            "a body shorter than its Content-Length",
            r -> r.withHeader("Content-Length", Integer.toString(V2.length * 2)).withBody(V2),
            "truncated body from "),
        failure(
            "an HTML page",
            r ->
                r.withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody("<html>moved</html>"),
            "not a jar: "),
        failure("an empty body", r -> r.withBody(new byte[0]), "empty body from "),
        failure(
            "a cut-off jar",
            r -> r.withBody(java.util.Arrays.copyOf(V2, V2.length - 30)),
            "not a jar: "),
        failure("a jar with a damaged entry", r -> r.withBody(damaged(V2)), "damaged jar: "),
        failure(
            "a jar the check rejects",
            r -> r.withBody(TestJars.withoutRules("mod", "3.0")),
            "rejected: declares no rules"));
  }

  /** The jar with one bit of its last entry's content flipped. */
  static byte[] damaged(byte[] jar) {
    byte[] copy = jar.clone();
    String name = "README.txt";
    int at =
        new String(copy, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf(name)
            + name.length();
    copy[at + 10] ^= 0x10;
    return copy;
  }

  static Arguments failure(
      String name, UnaryOperator<ResponseDefinitionBuilder> response, String reason) {
    return Arguments.of(Named.of(name, response), reason);
  }

  @Nested
  class FailuresKeepTheCachedJar {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.freshjar.cache.ModuleCacheTest#failures")
    void fallsBackWithAReasonNamingTheUrl(
        UnaryOperator<ResponseDefinitionBuilder> response, String reason) throws IOException {
      CachedJar v1 = fetchV1();
      String record = Files.readString(cache.root().resolve("modules/mod.record"));
      server.stubFor(get(JAR_PATH).willReturn(response.apply(aResponse())));
      ModuleSource impatient =
          new ModuleSource("mod", source(JAR_PATH).url(), false, SHORT_TIMEOUT);

      Refresh r = cache.refresh(impatient, TestJars.DECLARES_RULES, false);

      Refresh.Fallback fallback = assertInstanceOf(Refresh.Fallback.class, r, r.toString());
      assertEquals(v1, fallback.current());
      assertTrue(fallback.reason().contains(reason), fallback.reason());
      assertTrue(fallback.reason().contains(base() + JAR_PATH), fallback.reason());
      assertArrayEquals(V1, Files.readAllBytes(v1.jar()));
      assertEquals(record, Files.readString(cache.root().resolve("modules/mod.record")));
      assertEquals(Optional.of(v1), cache.current("mod"));
    }

    @Test
    void aServerThatIsDownIsReportedAsUnreachable() throws IOException {
      CachedJar v1 = fetchV1();
      URI closed = URI.create("http://127.0.0.1:" + closedPort() + JAR_PATH);

      Refresh r = cache.refresh(source(closed), TestJars.DECLARES_RULES, false);

      Refresh.Fallback fallback = assertInstanceOf(Refresh.Fallback.class, r, r.toString());
      assertEquals(v1, fallback.current());
      assertTrue(
          fallback.reason().startsWith("cannot reach host 127.0.0.1 (connection refused)"),
          fallback.reason());
      assertTrue(fallback.reason().contains(closed.toString()), fallback.reason());
      assertArrayEquals(V1, Files.readAllBytes(v1.jar()));
    }
  }

  @Nested
  class NeverFetched {
    @Test
    void andUnreachableIsUnavailableWithTheReason() throws IOException {
      URI closed = URI.create("http://127.0.0.1:" + closedPort() + JAR_PATH);

      Refresh r = cache.refresh(source(closed), TestJars.DECLARES_RULES, false);

      Refresh.Unavailable unavailable =
          assertInstanceOf(Refresh.Unavailable.class, r, r.toString());
      assertEquals("mod", unavailable.module());
      assertTrue(unavailable.reason().contains("connection refused"), unavailable.reason());
      assertEquals(Optional.empty(), cache.current("mod"));
    }

    @Test
    void andRejectedIsUnavailableAndLeavesNoRecord() {
      serve(JAR_PATH, TestJars.withoutRules("mod", "1.0"), "\"x\"");

      Refresh r = refresh(JAR_PATH);

      assertInstanceOf(Refresh.Unavailable.class, r, r.toString());
      assertFalse(Files.exists(cache.root().resolve("modules/mod.record")));
    }
  }

  @Nested
  class SizeLimit {
    @BeforeEach
    void smallCache() {
      cache = ModuleCache.open(dir.resolve("small"), testSettings().withMaxJarBytes(1024));
    }

    @Test
    void aDeclaredContentLengthOverTheLimitIsRefusedBeforeDownloading() {
      serve(JAR_PATH, TestJars.big(2000), "\"b\"");

      Refresh r = refresh(JAR_PATH);

      String reason = assertInstanceOf(Refresh.Unavailable.class, r, r.toString()).reason();
      assertTrue(reason.startsWith("larger than the 1 KiB limit: " + base()), reason);
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimit() {
      byte[] big = TestJars.big(5000);
      server.stubFor(
          get(JAR_PATH).willReturn(aResponse().withBody(big).withChunkedDribbleDelay(4, 40)));

      Refresh r = refresh(JAR_PATH);

      String reason = assertInstanceOf(Refresh.Unavailable.class, r, r.toString()).reason();
      assertTrue(reason.startsWith("larger than the 1 KiB limit"), reason);
    }

    @Test
    void aJarUnderTheLimitIsFetched() {
      assertTrue(V1.length < 1024);
      serve(JAR_PATH, V1, "\"v1\"");

      assertInstanceOf(Refresh.Fresh.class, refresh(JAR_PATH));
    }
  }

  @Nested
  class Redirects {
    @Test
    void areFollowedAndTheSourceUrlIsRecorded() {
      server.stubFor(
          get("/latest.jar")
              .willReturn(aResponse().withStatus(302).withHeader("Location", "/v1.jar")));
      serve("/v1.jar", V1, "\"v1\"");

      Refresh r = refresh("/latest.jar");

      CachedJar jar = assertInstanceOf(Refresh.Fresh.class, r, r.toString()).current();
      assertEquals(TestJars.sha256(V1), jar.sha256());
      assertEquals(source("/latest.jar").url(), jar.source());
    }

    @Test
    void fromHttpsToPlainHttpAreRefused() {
      serve("/plain.jar", V1, "\"v1\"");
      String plain = base() + "/plain.jar";
      server.stubFor(
          get("/secure.jar").willReturn(aResponse().withStatus(301).withHeader("Location", plain)));
      ModuleSource secure = secure("/secure.jar");

      Refresh r = cache.refresh(secure, TestJars.DECLARES_RULES, false);

      String reason = assertInstanceOf(Refresh.Unavailable.class, r, r.toString()).reason();
      assertTrue(
          reason.startsWith("refused a redirect from " + secure.url() + " to " + plain), reason);
      assertTrue(reason.contains("downgrade https to plain http"), reason);
      server.verify(0, getRequestedFor(urlEqualTo("/plain.jar")));
    }

    @Test
    void withinHttpsAreFollowed() {
      server.stubFor(
          get("/latest.jar")
              .willReturn(aResponse().withStatus(302).withHeader("Location", "/v1.jar")));
      serve("/v1.jar", V1, "\"v1\"");

      Refresh r = cache.refresh(secure("/latest.jar"), TestJars.DECLARES_RULES, false);

      assertEquals(
          TestJars.sha256(V1),
          assertInstanceOf(Refresh.Fresh.class, r, r.toString()).current().sha256());
    }

    @Test
    void inALoopAreRefused() {
      server.stubFor(
          get("/a.jar").willReturn(aResponse().withStatus(302).withHeader("Location", "/b.jar")));
      server.stubFor(
          get("/b.jar").willReturn(aResponse().withStatus(307).withHeader("Location", "/a.jar")));

      Refresh r = refresh("/a.jar");

      String reason = assertInstanceOf(Refresh.Unavailable.class, r, r.toString()).reason();
      assertTrue(reason.startsWith("redirect loop: " + base() + "/b.jar"), reason);
    }

    @Test
    void beyondFiveHopsAreRefused() {
      for (int i = 0; i < 6; i++) {
        server.stubFor(
            get("/hop" + i)
                .willReturn(aResponse().withStatus(302).withHeader("Location", "/hop" + (i + 1))));
      }
      serve("/hop6", V1, "\"v1\"");

      Refresh r = refresh("/hop0");

      String reason = assertInstanceOf(Refresh.Unavailable.class, r, r.toString()).reason();
      assertTrue(reason.startsWith("too many redirects: more than 5 from " + base()), reason);
    }

    @Test
    void toAFileUrlAreRefused() {
      server.stubFor(
          get("/a.jar")
              .willReturn(
                  aResponse().withStatus(302).withHeader("Location", "file:///etc/passwd")));

      Refresh r = refresh("/a.jar");

      String reason = assertInstanceOf(Refresh.Unavailable.class, r, r.toString()).reason();
      assertTrue(reason.startsWith("refused a redirect from "), reason);
    }
  }

  @Nested
  class Policy {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "http://example.org/mod.jar",
          "http://10.0.0.1/mod.jar",
          "http://[fe80::1]/m.jar"
        })
    void plainHttpToANonLoopbackHostIsRefusedBeforeConnecting(String url) {
      Refresh r = cache.refresh(source(URI.create(url)), JarCheck.NONE, false);

      String reason = assertInstanceOf(Refresh.Unavailable.class, r, r.toString()).reason();
      assertEquals(
          "plain http to a non-loopback host is not allowed: "
              + url
              + "; use https:, or allow plain http for module mod explicitly",
          reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/mod.jar", "jar:file:/x.jar!/", "mod.jar"})
    void otherSchemesAreRefused(String url) {
      Refresh r = cache.refresh(source(URI.create(url)), JarCheck.NONE, false);

      String reason = assertInstanceOf(Refresh.Unavailable.class, r, r.toString()).reason();
      assertTrue(
          reason.contains("must start with https:, file:, or http: to this machine"), reason);
    }

    @Test
    void plainHttpToAnyHostIsTriedWhenTheSourceAllowsIt() throws IOException {
      URI url = URI.create("http://127.0.0.2:" + closedPort() + "/mod.jar");
      ModuleSource allowed = new ModuleSource("mod", url, true, TIMEOUT);

      Refresh r = cache.refresh(allowed, JarCheck.NONE, false);

      String reason = assertInstanceOf(Refresh.Unavailable.class, r, r.toString()).reason();
      assertTrue(reason.startsWith("cannot reach host 127.0.0.2"), reason);
    }
  }

  @Nested
  class FileSources {
    Path published;

    @BeforeEach
    void publish() throws IOException {
      published = dir.resolve("published.jar");
      Files.write(published, V1);
    }

    Refresh refreshFile() {
      return cache.refresh(source(published.toUri()), TestJars.DECLARES_RULES, false);
    }

    @Test
    void areCopiedVerifiedAndRecorded() throws IOException {
      CachedJar jar = assertInstanceOf(Refresh.Fresh.class, refreshFile()).current();

      assertEquals(TestJars.sha256(V1), jar.sha256());
      assertArrayEquals(V1, Files.readAllBytes(jar.jar()));
      assertEquals(published.toUri(), jar.source());
    }

    @Test
    void withTheSameBytesAreUnchanged() {
      CachedJar v1 = assertInstanceOf(Refresh.Fresh.class, refreshFile()).current();

      Refresh.Fresh again = assertInstanceOf(Refresh.Fresh.class, refreshFile());

      assertEquals(v1, again.current());
      assertFalse(again.changed());
    }

    @Test
    void whileSizeAndModificationTimeMatchAreNotReadUnlessForced() throws IOException {
      CachedJar v1 = assertInstanceOf(Refresh.Fresh.class, refreshFile()).current();
      FileTime mtime = Files.getLastModifiedTime(published);
      byte[] sameSize = TestJars.module("mod", "1.1", "com.example.Wc");
      assertEquals(V1.length, sameSize.length);
      Files.write(published, sameSize);
      Files.setLastModifiedTime(published, mtime);

      Refresh.Fresh trusted = assertInstanceOf(Refresh.Fresh.class, refreshFile());
      Refresh forced = cache.refresh(source(published.toUri()), TestJars.DECLARES_RULES, true);

      assertEquals(v1, trusted.current());
      assertFalse(trusted.changed());
      assertEquals("1.1", assertInstanceOf(Refresh.Fresh.class, forced).current().version());
    }

    @Test
    void touchedWithTheSameBytesAreUnchangedAndTheNewTimeIsRemembered() throws IOException {
      CachedJar v1 = assertInstanceOf(Refresh.Fresh.class, refreshFile()).current();
      Files.setLastModifiedTime(published, FileTime.from(Instant.now().plusSeconds(60)));

      Refresh.Fresh touched = assertInstanceOf(Refresh.Fresh.class, refreshFile());

      assertEquals(v1, touched.current());
      assertFalse(touched.changed());
      String record = Files.readString(cache.root().resolve("modules/mod.record"));
      long mtime =
          Files.getLastModifiedTime(published).to(java.util.concurrent.TimeUnit.NANOSECONDS);
      assertTrue(record.contains("-" + Long.toHexString(mtime) + "\""), record);
    }

    @Test
    void withNewBytesBecomeCurrent() throws IOException {
      CachedJar v1 = assertInstanceOf(Refresh.Fresh.class, refreshFile()).current();
      Files.write(published, V2);

      Refresh.Fresh fresh = assertInstanceOf(Refresh.Fresh.class, refreshFile());

      assertEquals(TestJars.sha256(V2), fresh.current().sha256());
      assertEquals(Optional.of(v1), fresh.previous());
    }

    @Test
    void thatDisappearedFallBack() throws IOException {
      CachedJar v1 = assertInstanceOf(Refresh.Fresh.class, refreshFile()).current();
      Files.delete(published);

      Refresh r = refreshFile();

      Refresh.Fallback fallback = assertInstanceOf(Refresh.Fallback.class, r, r.toString());
      assertEquals(v1, fallback.current());
      assertEquals("no such file: " + published.toUri(), fallback.reason());
    }

    @Test
    void overTheLimitAreRefused() {
      cache = ModuleCache.open(dir.resolve("small"), testSettings().withMaxJarBytes(100));

      Refresh r = refreshFile();

      String reason = assertInstanceOf(Refresh.Unavailable.class, r, r.toString()).reason();
      assertEquals("larger than the 100 bytes limit: " + published.toUri() + " is refused", reason);
    }
  }

  @Nested
  class Offline {
    @Test
    void fallsBackToTheCachedJar() {
      CachedJar v1 = fetchV1();

      assertEquals(
          new Refresh.Fallback(v1, "offline", Cause.OFFLINE), cache.offline(source(JAR_PATH)));
    }

    @Test
    void isUnavailableForAModuleNeverFetched() {
      assertEquals(
          new Refresh.Unavailable("mod", "not in the cache and --offline was given", Cause.OFFLINE),
          cache.offline(source(JAR_PATH)));
    }
  }

  @Nested
  class UnwritableCache {
    // Root ignores permissions, so these put a directory where the cache needs a file, or a
    // file where it needs a directory: writes there fail for everyone, as on a read-only disk.
    @ParameterizedTest(name = "when {0} cannot be written")
    @ValueSource(strings = {"tmp", "modules/mod.lock"})
    void stillYieldsTheCachedJarAsFallback(String blocked) throws IOException {
      CachedJar v1 = fetchV1();
      String record = Files.readString(cache.root().resolve("modules/mod.record"));
      Path path = cache.root().resolve(blocked);
      Files.deleteIfExists(path);
      if (blocked.equals("tmp")) {
        Files.writeString(path, "not a directory");
      } else {
        Files.createDirectory(path);
      }
      serve(JAR_PATH, V2, "\"v2\"");

      Refresh r = refresh(JAR_PATH);

      Refresh.Fallback fallback = assertInstanceOf(Refresh.Fallback.class, r, r.toString());
      assertEquals(v1, fallback.current());
      assertTrue(fallback.reason().startsWith("cache not writable: "), fallback.reason());
      assertTrue(fallback.reason().contains(path.toString()), fallback.reason());
      assertArrayEquals(V1, Files.readAllBytes(v1.jar()));
      assertEquals(record, Files.readString(cache.root().resolve("modules/mod.record")));
      Files.delete(path);
    }

    @Test
    void thatIsReadOnlyOpensAndFallsBack() throws IOException {
      CachedJar v1 = fetchV1();
      List<Path> dirs =
          List.of(
              cache.root(),
              cache.root().resolve("objects"),
              cache.root().resolve("modules"),
              cache.root().resolve("tmp"));
      for (Path d : dirs) {
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("r-xr-xr-x"));
      }
      try {
        assumeFalse(Files.isWritable(cache.root()), "permissions are not enforced for this user");
        serve(JAR_PATH, V2, "\"v2\"");
        ModuleCache readOnly = ModuleCache.open(cache.root(), testSettings());

        Refresh r = readOnly.refresh(source(JAR_PATH), JarCheck.NONE, false);

        Refresh.Fallback fallback = assertInstanceOf(Refresh.Fallback.class, r, r.toString());
        assertEquals(v1, fallback.current());
        assertTrue(fallback.reason().startsWith("cache not writable: "), fallback.reason());
        assertEquals(
            new Refresh.Fallback(v1, "offline", Cause.OFFLINE), readOnly.offline(source(JAR_PATH)));
      } finally {
        for (Path d : dirs) {
          Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
      }
    }
  }

  @Nested
  class Locking {
    @Test
    @SuppressWarnings("try") // the lock is held for the block's duration, not used in it
    void aRefreshWaitsForTheModuleLockOnlyUpToItsBound() throws Exception {
      CachedJar v1 = fetchV1();
      serve(JAR_PATH, V2, "\"v2\"");
      cache = ModuleCache.open(cache.root(), testSettings().withLockWait(Duration.ofMillis(200)));
      Path lockFile = cache.root().resolve("modules/mod.lock");

      Refresh r;
      try (ModuleLock held = ModuleLock.acquire("mod", lockFile, Duration.ofSeconds(1))) {
        r = CompletableFuture.supplyAsync(() -> refresh(JAR_PATH)).get();
      }

      Refresh.Fallback fallback = assertInstanceOf(Refresh.Fallback.class, r, r.toString());
      assertEquals(v1, fallback.current());
      assertTrue(
          fallback.reason().startsWith("module mod is being updated by another freshjar process"),
          fallback.reason());
      assertTrue(fallback.reason().endsWith("after 200ms"), fallback.reason());
      assertEquals(Optional.of(v1), cache.current("mod"));
    }

    @Test
    void threadsRefreshingTheSameModuleLoseNoUpdate() throws Exception {
      byte[][] jars = new byte[8][];
      for (int i = 0; i < jars.length; i++) {
        jars[i] = TestJars.module("mod", "1." + i, "com.example.R" + i);
        serve("/v" + i + ".jar", jars[i], "\"" + i + "\"");
      }
      List<CompletableFuture<Refresh>> refreshes =
          java.util.stream.IntStream.range(0, jars.length)
              .mapToObj(i -> CompletableFuture.supplyAsync(() -> refresh("/v" + i + ".jar")))
              .toList();

      for (CompletableFuture<Refresh> f : refreshes) {
        assertInstanceOf(Refresh.Fresh.class, f.get());
      }

      assertEquals(
          Stream.of(jars).map(TestJars::sha256).sorted().toList(),
          cache.history("mod").stream().map(CachedJar::sha256).sorted().toList());
    }
  }

  @Nested
  class Housekeeping {
    @Test
    void openSweepsStaleDownloadsAndKeepsRecentOnes() throws IOException {
      Path tmp = cache.root().resolve("tmp");
      Path stale = Files.writeString(tmp.resolve("download-1.part"), "crashed");
      Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
      Path recent = Files.writeString(tmp.resolve("download-2.part"), "in progress");

      ModuleCache.open(cache.root());

      assertFalse(Files.exists(stale));
      assertTrue(Files.exists(recent));
      Files.delete(recent);
    }

    @Test
    void aCorruptRecordMakesTheModuleUnavailableSayingWhatToDo() throws IOException {
      fetchV1();
      Path record = cache.root().resolve("modules/mod.record");
      Files.writeString(record, "format=1\ncurrent=../../etc/passwd\n");

      Refresh r = refresh(JAR_PATH);

      String reason = assertInstanceOf(Refresh.Unavailable.class, r, r.toString()).reason();
      assertTrue(reason.startsWith("corrupt record " + record), reason);
      assertTrue(reason.endsWith("delete it and the module will be fetched afresh"), reason);
    }
  }

  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Trusts WireMock's self-signed certificate; only ever talks to loopback. */
  static OkHttpClient trustingClient() throws Exception {
    X509TrustManager trustAll =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new TrustManager[] {trustAll}, new SecureRandom());
    return new OkHttpClient.Builder()
        .sslSocketFactory(tls.getSocketFactory(), trustAll)
        .hostnameVerifier((host, session) -> true)
        .build();
  }
}
