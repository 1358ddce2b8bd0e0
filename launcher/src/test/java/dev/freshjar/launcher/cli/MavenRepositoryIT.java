package dev.freshjar.launcher.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import dev.freshjar.launcher.fixtures.ModuleJar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An author deploys a module with the real maven-deploy-plugin into a repository directory, twice,
 * with two versions; a user runs the real bin/freshjar against that repository, as a {@code file:}
 * URL and over loopback HTTP, and always runs the newest release.
 */
class MavenRepositoryIT {
  @TempDir Path dir;
  Path root;
  Path repo;
  Freshjar freshjar;
  WireMockServer server;

  @BeforeEach
  void aRepository() throws IOException {
    // WireMock serves files under __files when no stub matches: the repository directory as is.
    root = dir.resolve("www");
    repo = Files.createDirectories(root.resolve("__files").resolve("repo"));
    freshjar = Freshjar.withCache(dir.resolve("cache")).workDir(dir);
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop();
    }
  }

  /** Deploys a module whose rule 'answer' answers {@code answer}, as {@code version}. */
  void deploy(String version, String answer) throws Exception {
    Path jar =
        ModuleJar.answering("acme-rules", "answer", answer)
            .version(version)
            .writeTo(dir.resolve("acme-rules-" + version + ".jar"));
    deploy(jar, version);
  }

  /** Deploys {@code jar} as {@code version} with the real maven-deploy-plugin. */
  void deploy(Path jar, String version) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(mvn());
    command.add("-B");
    command.add("-q");
    // Offline mode refuses to deploy at all; ~/.m2 already holds the plugin, and a file: target
    // needs no network.
    command.add("org.apache.maven.plugins:maven-deploy-plugin:3.1.3:deploy-file");
    command.add("-Dfile=" + jar);
    command.add("-DgroupId=com.acme");
    command.add("-DartifactId=acme-rules");
    command.add("-Dversion=" + version);
    command.add("-Dpackaging=jar");
    command.add("-Durl=" + repo.toUri());
    Process mvn =
        new ProcessBuilder(command)
            .directory(Files.createDirectories(dir.resolve("deploy")).toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(mvn.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(mvn.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(mvn.exitValue()).as(output).isZero();
  }

  /** The Maven running this build (so CI's own), else the one on the PATH. */
  static String mvn() {
    String mvn = System.getProperty("freshjar.mvn");
    return mvn != null && Files.isExecutable(Path.of(mvn)) ? mvn : "mvn";
  }

  void configure(String repository) throws IOException {
    configure(repository, "");
  }

  void configure(String repository, String extraLines) throws IOException {
    Path config = dir.resolve("modules.conf");
    Files.writeString(
        config,
        "[module acme]\nmaven = com.acme:acme-rules\nrepository = "
            + repository
            + "\n"
            + extraLines);
    freshjar.option("--config", config.toString());
  }

  Result answer() {
    return freshjar.run("--format", "tsv", "answer", "-");
  }

  @Test
  void followsTheNewestDeployedVersion_fromAFileRepository() throws Exception {
    deploy("1.0.0", "one");
    configure(repo.toUri().toString());

    Result first = answer();
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.stdout()).contains("one");

    deploy("1.1.0", "two");
    Result update = freshjar.run("update");
    assertThat(update.stdout() + update.stderr())
        .as(update.toString())
        .contains("acme: updated from 1.0.0/")
        .contains("to 1.1.0/")
        .contains("from " + repo.toUri());
    assertThat(answer().stdout()).contains("two");

    Result modules = freshjar.run("--format", "tsv", "modules");
    assertThat(modules.stdout())
        .contains("1.1.0")
        .contains("com.acme:acme-rules from " + repo.toUri());
    Result rules = freshjar.run("--format", "tsv", "rules");
    assertThat(rules.stdout()).contains("1.1.0/").contains("acme-rules-1.1.0.jar");
    Result history = freshjar.run("--format", "tsv", "modules", "history", "acme");
    assertThat(history.stdout())
        .contains("1.1.0")
        .contains("1.0.0")
        .contains("com/acme/acme-rules/1.0.0/acme-rules-1.0.0.jar");
  }

  @Test
  void followsTheNewestDeployedVersion_overLoopbackHttp() throws Exception {
    server = new WireMockServer(wireMockConfig().dynamicPort().withRootDirectory(root.toString()));
    server.start();
    deploy("1.0.0", "one");
    configure(server.baseUrl() + "/repo");

    assertThat(answer().stdout()).contains("one");

    server.resetRequests();
    Result again = answer();
    assertThat(again.stdout()).contains("one");
    assertThat(server.findAll(getRequestedFor(urlMatching(".*"))))
        .as("a run where nothing changed asks for the metadata only")
        .hasSize(1);

    deploy("1.1.0", "two");
    Result second = answer();
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.stdout()).contains("two");
    assertThat(freshjar.run("--format", "tsv", "modules").stdout()).contains("1.1.0");
  }

  @Test
  void aPrivateRepository_takesItsTokenFromTheEnvironmentOrSettings_andNeverShowsIt()
      throws Exception {
    String token = "s3cret-Token-4711";
    String basic =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(("ann:" + token).getBytes(StandardCharsets.UTF_8));
    server = new WireMockServer(wireMockConfig().dynamicPort().withRootDirectory(root.toString()));
    server.start();
    // Requests with the right credentials match no stub and get the repository's files.
    server.stubFor(
        get(urlMatching("/repo/.*"))
            .withHeader("Authorization", absent())
            .atPriority(1)
            .willReturn(aResponse().withStatus(401)));
    server.stubFor(
        get(urlMatching("/repo/.*"))
            .withHeader(
                "Authorization",
                notMatching(java.util.regex.Pattern.quote("Bearer " + token) + "|" + basic))
            .atPriority(2)
            .willReturn(aResponse().withStatus(403)));
    deploy("1.0.0", "one");
    configure(server.baseUrl() + "/repo", "server = acme-releases\n");
    Path settings =
        Files.writeString(
            dir.resolve("settings.xml"),
            "<settings><servers><server><id>acme-releases</id><username>ann</username>"
                + "<password>"
                + token
                + "</password></server></servers></settings>");
    Path missing = dir.resolve("no-settings.xml");

    Result without = freshjar.env("FRESHJAR_MAVEN_SETTINGS", missing.toString()).run("update");
    assertThat(without.exitCode()).as(without.toString()).isEqualTo(2);
    assertThat(without.stderr()).contains("server 'acme-releases' is named");

    Freshjar bare = Freshjar.withCache(dir.resolve("cache")).workDir(dir);
    Path plain = dir.resolve("plain.conf");
    Files.writeString(
        plain,
        "[module acme]\nmaven = com.acme:acme-rules\nrepository = " + server.baseUrl() + "/repo\n");
    Result refused = bare.run("--config", plain.toString(), "--format", "tsv", "answer", "-");
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
    assertThat(refused.stderr()).contains("HTTP 401").contains("FRESHJAR_REPO_TOKEN_ACME");

    Result byEnv =
        Freshjar.withCache(dir.resolve("cache"))
            .workDir(dir)
            .env("FRESHJAR_REPO_TOKEN_ACME", token)
            .run("--config", plain.toString(), "--format", "tsv", "answer", "-");
    assertThat(byEnv.exitCode()).as(byEnv.toString()).isZero();
    assertThat(byEnv.stdout()).contains("one");

    Result bySettings =
        Freshjar.withCache(dir.resolve("cache"))
            .workDir(dir)
            .env("FRESHJAR_MAVEN_SETTINGS", settings.toString())
            .run("--config", dir.resolve("modules.conf").toString(), "update");
    assertThat(bySettings.exitCode()).as(bySettings.toString()).isZero();

    for (Result r : List.of(without, refused, byEnv, bySettings)) {
      assertThat(r.stdout() + r.stderr()).doesNotContain(token);
    }
    try (var files = Files.walk(dir.resolve("cache"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
            .as(f.toString())
            .doesNotContain(token)
            .doesNotContain(basic.substring(6));
      }
    }
  }

  @Test
  void aUserWithAColon_isRefusedAtStart_namingTheVariable_neverTheSecret() throws Exception {
    configure(repo.toUri().toString());
    Result r =
        freshjar
            .env("FRESHJAR_REPO_USER_ACME", "ann:Hidden-Part")
            .env("FRESHJAR_REPO_TOKEN_ACME", "s3cret-Token-4711")
            .run("update");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.stderr())
        .contains("module acme")
        .contains("FRESHJAR_REPO_USER_ACME")
        .contains("':'");
    assertThat(r.stdout() + r.stderr()).doesNotContain("s3cret").doesNotContain("Hidden-Part");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://ann:s3cret-Pass@repo.example/releases",
        "https://ann:s3cret-Pass word@repo.example/releases",
        "ftp://ann:s3cret-Pass@repo.example/releases",
      })
  void aRepositoryUrlHoldingAPassword_isAUsageError_neverShowingIt(String url) throws Exception {
    configure(url);
    Result r = freshjar.run("update");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.stderr()).contains("modules.conf:3:").contains("user or password");
    assertThat(r.stdout() + r.stderr()).doesNotContain("s3cret");
  }

  @Test
  void aReReleaseOfTheSameJar_saysSo_andTheHistoryKeepsBothReleases() throws Exception {
    Path jar =
        ModuleJar.answering("acme-rules", "answer", "one")
            .version("1.0.0")
            .writeTo(dir.resolve("acme-rules.jar"));
    deploy(jar, "1.0.0");
    configure(repo.toUri().toString());
    assertThat(freshjar.run("update").exitCode()).isZero();

    deploy(jar, "1.1.0");
    Result update = freshjar.run("update");
    assertThat(update.exitCode()).as(update.toString()).isZero();
    assertThat(update.stdout())
        .contains("acme: unchanged, 1.1.0/")
        .contains("(release 1.1.0 has the same bytes as 1.0.0, which ran until now)");

    Result history = freshjar.run("--format", "tsv", "modules", "history", "acme");
    List<String> rows = history.stdout().lines().skip(1).toList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).startsWith("1.1.0\t").endsWith("\tcurrent");
    assertThat(rows.get(1)).startsWith("1.0.0\t").endsWith("\tsame jar as current");
  }
}
