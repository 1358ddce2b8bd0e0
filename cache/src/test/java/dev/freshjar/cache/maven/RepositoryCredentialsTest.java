package dev.freshjar.cache.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepositoryCredentialsTest {
  @TempDir Path dir;

  @Test
  void aTokenAlone_isABearerToken() throws Exception {
    RepositoryCredentials c =
        RepositoryCredentials.fromEnvironment(
                "acme-rules", Map.of("FRESHJAR_REPO_TOKEN_ACME_RULES", "t0k"))
            .orElseThrow();
    assertEquals("Bearer t0k", c.authorization());
  }

  @Test
  void aUserAndToken_areBasicAuth() throws Exception {
    RepositoryCredentials c =
        RepositoryCredentials.fromEnvironment(
                "acme", Map.of("FRESHJAR_REPO_TOKEN_ACME", "pw", "FRESHJAR_REPO_USER_ACME", "me"))
            .orElseThrow();
    assertEquals("Basic bWU6cHc=", c.authorization());
  }

  @Test
  void aUsersPasswordWithASpaceOrNonAscii_isSentAsBasicAllows_asFromSettings() throws Exception {
    RepositoryCredentials c =
        RepositoryCredentials.fromEnvironment(
                "acme",
                Map.of(
                    "FRESHJAR_REPO_TOKEN_ACME", "p\u00e4ss word", "FRESHJAR_REPO_USER_ACME", "me"))
            .orElseThrow();
    assertEquals(
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString("me:p\u00e4ss word".getBytes(StandardCharsets.UTF_8)),
        c.authorization());
  }

  @Test
  void aUsersPasswordWithALineBreak_isRefusedWithoutShowingIt() {
    MavenException e =
        assertThrows(
            MavenException.class,
            () ->
                RepositoryCredentials.fromEnvironment(
                    "acme",
                    Map.of(
                        "FRESHJAR_REPO_TOKEN_ACME", "s3cret\n", "FRESHJAR_REPO_USER_ACME", "me")));
    assertTrue(e.getMessage().contains("FRESHJAR_REPO_TOKEN_ACME"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
  }

  @Test
  void aTokenWithALineBreak_isRefusedWithoutShowingIt() {
    MavenException e =
        assertThrows(
            MavenException.class,
            () ->
                RepositoryCredentials.fromEnvironment(
                    "acme", Map.of("FRESHJAR_REPO_TOKEN_ACME", "s3cret\n")));
    assertTrue(e.getMessage().contains("line break"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
  }

  @Test
  void noVariables_noCredentials() throws Exception {
    assertEquals(Optional.empty(), RepositoryCredentials.fromEnvironment("acme", Map.of()));
  }

  @Test
  void theSecret_isNeverInToString() throws Exception {
    RepositoryCredentials c =
        RepositoryCredentials.fromEnvironment("acme", Map.of("FRESHJAR_REPO_TOKEN_ACME", "s3cret"))
            .orElseThrow();
    assertFalse(c.toString().contains("s3cret"));
    assertTrue(c.toString().contains("FRESHJAR_REPO_TOKEN_ACME"));
  }

  @Test
  void aSettingsServer_givesBasicAuth() throws Exception {
    Path settings =
        Files.writeString(
            dir.resolve("settings.xml"),
            "<settings><servers><server><id>other</id><username>x</username><password>y</password>"
                + "</server><server><id>acme</id><username>me</username><password>pw</password>"
                + "</server></servers></settings>");
    assertEquals(
        "Basic bWU6cHc=", RepositoryCredentials.fromSettings("acme", settings).authorization());
  }

  @Test
  void anEncryptedSettingsPassword_isRefusedWithWhatToDo() throws Exception {
    Path settings =
        Files.writeString(
            dir.resolve("settings.xml"),
            "<settings><servers><server><id>acme</id><username>me</username>"
                + "<password>{COQLCE6DU6GtcS5P=}</password></server></servers></settings>");
    MavenException e =
        assertThrows(
            MavenException.class, () -> RepositoryCredentials.fromSettings("acme", settings));
    assertTrue(e.getMessage().contains("encrypted"), e.getMessage());
    assertFalse(e.getMessage().contains("COQLCE6DU6GtcS5P"), e.getMessage());
  }

  @Test
  void aMissingServer_isNamed() throws Exception {
    Path settings = Files.writeString(dir.resolve("settings.xml"), "<settings/>");
    MavenException e =
        assertThrows(
            MavenException.class, () -> RepositoryCredentials.fromSettings("acme", settings));
    assertTrue(e.getMessage().contains("no <server> with id 'acme'"), e.getMessage());
  }

  @Test
  void aUserWithAColon_isRefused_namingTheVariableAndWhy_notTheSecret() {
    // RFC 7617: the first colon splits user-id from password; the server would see another user.
    MavenException e =
        assertThrows(
            MavenException.class,
            () ->
                RepositoryCredentials.fromEnvironment(
                    "acme-rules",
                    Map.of(
                        "FRESHJAR_REPO_USER_ACME_RULES", "me:extra",
                        "FRESHJAR_REPO_TOKEN_ACME_RULES", "s3cret")));
    assertTrue(e.getMessage().contains("FRESHJAR_REPO_USER_ACME_RULES"), e.getMessage());
    assertTrue(e.getMessage().contains("':'"), e.getMessage());
    assertTrue(e.getMessage().contains("HTTP basic"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    assertFalse(e.getMessage().contains("extra"), e.getMessage());
  }

  @Test
  void aSettingsUsernameWithAColon_isRefused() throws Exception {
    Path settings =
        Files.writeString(
            dir.resolve("settings.xml"),
            "<settings><servers><server><id>acme</id><username>me:x</username>"
                + "<password>pw</password></server></servers></settings>");
    MavenException e =
        assertThrows(
            MavenException.class, () -> RepositoryCredentials.fromSettings("acme", settings));
    assertTrue(e.getMessage().contains("<username>"), e.getMessage());
    assertTrue(e.getMessage().contains("':'"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"me\r\nX-Injected: 1", "me\u0000", "me\u007f", "me\tyou"})
  void aUserWithAControlCharacter_isRefused_notShown(String user) {
    String u = user.translateEscapes();
    MavenException e =
        assertThrows(
            MavenException.class,
            () ->
                RepositoryCredentials.fromEnvironment(
                    "acme",
                    Map.of("FRESHJAR_REPO_USER_ACME", u, "FRESHJAR_REPO_TOKEN_ACME", "pw")));
    assertTrue(e.getMessage().contains("FRESHJAR_REPO_USER_ACME"), e.getMessage());
    assertTrue(e.getMessage().contains("control character"), e.getMessage());
    assertFalse(e.getMessage().contains("Injected"), e.getMessage());
  }

  @Test
  void aSettingsPasswordWithALineBreak_isRefused_notShown() throws Exception {
    Path settings =
        Files.writeString(
            dir.resolve("settings.xml"),
            "<settings><servers><server><id>acme</id><username>me</username>"
                + "<password>s3cret\nX-Injected: 1</password></server></servers></settings>");
    MavenException e =
        assertThrows(
            MavenException.class, () -> RepositoryCredentials.fromSettings("acme", settings));
    assertTrue(e.getMessage().contains("<password>"), e.getMessage());
    assertTrue(e.getMessage().contains("control character"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
  }

  @Test
  void aSettingsPasswordWithSpacesAndNonAscii_isKept_asBasicAllowsThem() throws Exception {
    Path settings =
        Files.writeString(
            dir.resolve("settings.xml"),
            "<settings><servers><server><id>acme</id><username>m\u00e9</username>"
                + "<password>p w:\u00e9</password></server></servers></settings>");
    String expected =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(
                    "m\u00e9:p w:\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(expected, RepositoryCredentials.fromSettings("acme", settings).authorization());
  }

  @Test
  void aSettingsPipeThatNeverEnds_isCutOff_notReadWhole() throws Exception {
    // A pipe's size is 0 whatever flows through it, so only a bounded read can refuse it.
    Path fifo = dir.resolve("settings.fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo");
    Thread writer =
        new Thread(
            () -> {
              try (var out = Files.newOutputStream(fifo)) {
                byte[] spaces = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                out.write("<settings>".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 64; i++) { // 4 MiB
                  out.write(spaces);
                }
              } catch (java.io.IOException e) {
                // The reader stopped reading: what the bound is for.
              }
            });
    writer.start();
    MavenException e =
        assertThrows(MavenException.class, () -> RepositoryCredentials.fromSettings("acme", fifo));
    assertTrue(e.getMessage().contains("larger than 1 MiB"), e.getMessage());
    writer.join(10_000);
  }

  @Test
  void onlyTheRepositorysOrigin_receivesThem() {
    URI repo = URI.create("https://repo.acme.example/releases/");
    assertTrue(RepositoryCredentials.mayReceive(repo, URI.create("https://repo.acme.example/x")));
    assertTrue(
        RepositoryCredentials.mayReceive(repo, URI.create("https://REPO.acme.example:443/x")));
    assertFalse(RepositoryCredentials.mayReceive(repo, URI.create("https://cdn.example/x")));
    assertFalse(RepositoryCredentials.mayReceive(repo, URI.create("http://repo.acme.example/x")));
    assertFalse(
        RepositoryCredentials.mayReceive(repo, URI.create("https://repo.acme.example:8443/x")));
  }
}
