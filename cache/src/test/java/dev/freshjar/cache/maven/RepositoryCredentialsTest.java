package dev.freshjar.cache.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
