package dev.freshjar.cache;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjar.cache.maven.MavenArtifact;
import dev.freshjar.cache.maven.RepositoryCredentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Maven repository that is hostile or broken (WireMock on loopback): each answer keeps the
 * running release and says what was wrong; nothing of it is trusted, expanded or forwarded.
 */
@DisplayName("ModuleCache with a hostile Maven repository")
class MavenHostileRepositoryTest {
  static final String METADATA = MavenRepoStub.DIR + "maven-metadata.xml";

  @RegisterExtension static final LoopbackServer server = new LoopbackServer();
  @RegisterExtension static final LoopbackServer elsewhere = new LoopbackServer();

  @TempDir Path dir;
  ModuleCache cache;
  MavenRepoStub repo;

  @BeforeEach
  void openCache() {
    repo = new MavenRepoStub(server);
    cache =
        ModuleCache.open(
            dir.resolve("cache"), Settings.DEFAULTS.withLockWait(Duration.ofSeconds(5)));
  }

  static byte[] jar(String version) {
    return MavenRefreshTest.jar(version);
  }

  static MavenArtifact artifact() {
    return MavenArtifact.parse(
        "com.acme:acme-rules", URI.create("http://127.0.0.1:" + server.port() + "/repo"));
  }

  static ModuleSource source(MavenArtifact a) {
    return ModuleSource.ofMaven("acme", a, false, Duration.ofSeconds(10), Optional.empty());
  }

  Refresh refresh(MavenArtifact a) {
    return cache.refresh(source(a), TestJars.DECLARES_RULES, false);
  }

  /** Runs on 1.0.0, then refreshes against what the test made the repository say. */
  Refresh.Fallback fallbackFrom1_0_0(Runnable repositorySays) {
    repo.publish("1.0.0", jar("1.0.0"));
    repo.metadata("1.0.0");
    assertInstanceOf(Refresh.Fresh.class, refresh(artifact()));
    repositorySays.run();
    Refresh r = refresh(artifact());
    Refresh.Fallback f = assertInstanceOf(Refresh.Fallback.class, r, r::toString);
    assertEquals("1.0.0", f.current().release().orElseThrow().version());
    return f;
  }

  @Test
  void aBillionLaughs_isRefused_unexpanded() {
    String lol =
        "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY a \"lol\">"
            + IntStream.range(1, 10)
                .mapToObj(
                    i ->
                        "<!ENTITY "
                            + (char) ('a' + i)
                            + " \""
                            + ("&" + (char) ('a' + i - 1) + ";").repeat(10)
                            + "\">")
                .collect(Collectors.joining())
            + "]><metadata><versioning><versions><version>&j;</version></versions>"
            + "</versioning></metadata>";
    String reason = fallbackFrom1_0_0(() -> repo.metadataText(lol)).reason();
    assertTrue(reason.contains("DOCTYPE"), reason);
    assertFalse(reason.contains("lollol"), reason);
  }

  @Test
  void aReleaseTagNamingAnUnlistedVersion_isNotFetched() {
    repo.publish("1.0.0", jar("1.0.0"));
    repo.publish("9.9.9", jar("9.9.9"));
    repo.metadataText(
        MavenRepoStub.metadataXml("9.9.9", "1.0.0")
            .replace("<versioning>", "<versioning><latest>9.9.9</latest>"));
    Refresh r = refresh(artifact());
    assertEquals("1.0.0", r.jar().orElseThrow().release().orElseThrow().version());
    server.verify(0, getRequestedFor(urlEqualTo(MavenRepoStub.jarPath("9.9.9"))));
  }

  @Test
  void tensOfThousandsOfVersions_andOverlongOnes_chooseTheHighestSaneOne() {
    repo.publish("30000.0.0", jar("30000.0.0"));
    String versions =
        IntStream.rangeClosed(1, 30_000)
            .mapToObj(i -> "<version>" + i + ".0.0</version>")
            .collect(Collectors.joining());
    String overlong = "<version>" + "9".repeat(5000) + "</version>";
    repo.metadataText(
        "<metadata><versioning><versions>"
            + overlong
            + versions
            + "</versions></versioning></metadata>");
    Refresh r = refresh(artifact());
    assertEquals("30000.0.0", r.jar().orElseThrow().release().orElseThrow().version(), r::toString);
  }

  @Test
  void aHugeChecksumFile_isRefused_sayingSo() {
    byte[] huge = new byte[4 << 20];
    Arrays.fill(huge, (byte) 'a');
    String reason =
        fallbackFrom1_0_0(
                () -> {
                  repo.jar("1.1.0", jar("1.1.0"));
                  server.stubFor(
                      get(urlEqualTo(MavenRepoStub.jarPath("1.1.0") + ".sha512"))
                          .atPriority(5)
                          .willReturn(aResponse().withStatus(200).withBody(huge)));
                  repo.metadata("1.0.0", "1.1.0");
                })
            .reason();
    assertTrue(reason.contains("acme-rules-1.1.0.jar.sha512"), reason);
    assertTrue(reason.contains("larger than"), reason);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not a checksum at all",
        "\u001b[31mzz\u001b[0m",
        "cafe",
      })
  void aChecksumFileThatIsNotHex_isRefused_sayingWhatItShouldHold(String text) {
    String reason =
        fallbackFrom1_0_0(
                () -> {
                  repo.jar("1.1.0", jar("1.1.0"));
                  repo.checksum("1.1.0", "sha512", text);
                  repo.metadata("1.0.0", "1.1.0");
                })
            .reason();
    assertTrue(reason.contains("does not hold a SHA-512 digest (128 hex digits)"), reason);
    assertFalse(reason.contains("\u001b"), reason);
  }

  @Test
  void aRedirectOfTheMetadataToAnotherHost_doesNotCarryBasicCredentials() throws Exception {
    MavenArtifact withLogin =
        artifact()
            .withCredentials(
                RepositoryCredentials.fromEnvironment(
                    "acme",
                    Map.of("FRESHJAR_REPO_USER_ACME", "ann", "FRESHJAR_REPO_TOKEN_ACME", "pw")));
    repo.publish("1.0.0", jar("1.0.0"));
    String moved = "http://localhost:" + elsewhere.port() + "/mirror/maven-metadata.xml";
    server.stubFor(
        get(urlEqualTo(METADATA))
            .willReturn(aResponse().withStatus(302).withHeader("Location", moved)));
    elsewhere.stubFor(
        get(urlEqualTo("/mirror/maven-metadata.xml"))
            .willReturn(
                aResponse()
                    .withBody(
                        MavenRepoStub.metadataXml("1.0.0", "1.0.0")
                            .getBytes(StandardCharsets.UTF_8))));

    assertInstanceOf(Refresh.Fresh.class, refresh(withLogin));

    String basic =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString("ann:pw".getBytes(StandardCharsets.UTF_8));
    server.verify(
        getRequestedFor(urlEqualTo(METADATA)).withHeader("Authorization", equalTo(basic)));
    elsewhere.verify(
        getRequestedFor(urlEqualTo("/mirror/maven-metadata.xml")).withoutHeader("Authorization"));
  }

  @Test
  void a401FromTheHostARedirectLedTo_doesNotBlameTheCredentials_whichWentNowhereNear()
      throws Exception {
    MavenArtifact withToken =
        artifact()
            .withCredentials(
                RepositoryCredentials.fromEnvironment(
                    "acme", Map.of("FRESHJAR_REPO_TOKEN_ACME", "s3cret")));
    String moved = "http://localhost:" + elsewhere.port() + "/mirror/maven-metadata.xml";
    server.stubFor(
        get(urlEqualTo(METADATA))
            .willReturn(aResponse().withStatus(302).withHeader("Location", moved)));
    elsewhere.stubFor(
        get(urlEqualTo("/mirror/maven-metadata.xml")).willReturn(aResponse().withStatus(401)));

    Refresh.Unavailable u = assertInstanceOf(Refresh.Unavailable.class, refresh(withToken));

    assertTrue(u.reason().contains("HTTP 401"), u.reason());
    assertTrue(u.reason().contains("to localhost, which freshjar never sends"), u.reason());
    assertFalse(u.reason().contains("refused the credentials"), u.reason());
    assertFalse(u.reason().contains("s3cret"), u.reason());
  }

  @Test
  void a401FromTheHostARedirectLedTo_withoutCredentials_doesNotSuggestSettingThem() {
    String moved = "http://localhost:" + elsewhere.port() + "/mirror/maven-metadata.xml";
    server.stubFor(
        get(urlEqualTo(METADATA))
            .willReturn(aResponse().withStatus(302).withHeader("Location", moved)));
    elsewhere.stubFor(
        get(urlEqualTo("/mirror/maven-metadata.xml")).willReturn(aResponse().withStatus(401)));

    Refresh.Unavailable u = assertInstanceOf(Refresh.Unavailable.class, refresh(artifact()));

    assertTrue(u.reason().contains("a redirect led away from the repository"), u.reason());
    assertFalse(u.reason().contains("set FRESHJAR_REPO_TOKEN_ACME"), u.reason());
  }
}
