package dev.freshjar.launcher.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
    List<String> command = new ArrayList<>();
    command.add("mvn");
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

  void configure(String repository) throws IOException {
    Path config = dir.resolve("modules.conf");
    Files.writeString(
        config, "[module acme]\nmaven = com.acme:acme-rules\nrepository = " + repository + "\n");
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
}
