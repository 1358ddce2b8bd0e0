package dev.freshjar.dist;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.freshjar.dist.UnpackedRelease.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive, unpacked into a read-only directory, runs as an installed tool: without
 * Maven, without the source tree, and without writing into its own directory.
 */
class ReleaseArchiveIT {
  static final Path TAR = Path.of(System.getProperty("freshjar.archive"));
  static final Path ZIP = Path.of(System.getProperty("freshjar.zip"));
  static final String VERSION = System.getProperty("freshjar.version");

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir static Path work;
  static UnpackedRelease release;
  static Map<String, String> asUnpacked;
  static Path sample;

  @BeforeAll
  static void unpack() throws Exception {
    release = UnpackedRelease.unpack(TAR, work);
    asUnpacked = release.snapshot();
    sample =
        Files.writeString(
            Files.createDirectories(work.resolve("docs")).resolve("sample.txt"),
            "the cat and the hat\nthe end\n");
  }

  @BeforeEach
  void serveTheBuiltInModule() throws IOException {
    byte[] jar = Files.readAllBytes(builtInModule());
    server.stubFor(
        get("/text.jar").willReturn(aResponse().withHeader("ETag", "\"t1\"").withBody(jar)));
  }

  static Path builtInModule() throws IOException {
    try (Stream<Path> jars = Files.list(release.root().resolve("lib/modules"))) {
      return jars.findFirst().orElseThrow();
    }
  }

  String moduleFlag() {
    return "text=" + server.baseUrl() + "/text.jar";
  }

  @Test
  void holdsTheLauncherTheBuiltInModuleManPagesReadmeAndLicense() throws IOException {
    Path root = release.root();

    assertThat(root.getFileName().toString()).isEqualTo("freshjar-" + VERSION);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(root.resolve("bin/freshjar"))))
        .isEqualTo("r-xr-xr-x");
    assertThat(root.resolve("lib/launcher-" + VERSION + ".jar")).isRegularFile();
    assertThat(root.resolve("lib/module-api-" + VERSION + ".jar")).isRegularFile();
    assertThat(root.resolve("lib/modules/text-utils-module-" + VERSION + ".jar")).isRegularFile();
    for (String page : List.of("freshjar", "freshjar-update", "freshjar-shell", "freshjar-rules")) {
      assertThat(root.resolve("man/man1/" + page + ".1")).content().startsWith("'\\\" t");
    }
    assertThat(root.resolve("README.md")).content().startsWith("# freshjar");
    assertThat(root.resolve("LICENSE")).content().contains("Apache License", "Version 2.0");
  }

  @Test
  void theZipHoldsTheSameFilesAsTheTar() throws IOException {
    Set<String> zipped = new TreeSet<>();
    try (ZipFile zip = new ZipFile(ZIP.toFile())) {
      zip.stream()
          .filter(entry -> !entry.isDirectory())
          .map(ZipEntry::getName)
          .forEach(zipped::add);
    }
    Set<String> unpacked = new TreeSet<>();
    try (Stream<Path> all = Files.walk(release.root())) {
      all.filter(Files::isRegularFile)
          .map(file -> "freshjar-" + VERSION + "/" + release.root().relativize(file))
          .forEach(unpacked::add);
    }

    assertThat(zipped).isEqualTo(unpacked);
  }

  @Test
  void runsAOneShotRuleWithNoMavenOnThePathAndWritesNothingIntoItsDirectory() throws Exception {
    assertThat(release.path().resolve("mvn")).doesNotExist();

    Result run = release.run(work, "", "--format", "tsv", "top", "-n", "2", sample.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout()).isEqualTo("word\tcount\nthe\t3\nand\t1\n");
    assertThat(release.snapshot()).isEqualTo(asUnpacked);
  }

  @Test
  void printsACompletionScriptWithNoMavenOnThePath() throws Exception {
    Result run = release.run(work, "", "completion", "bash");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout()).contains("complete -F", "freshjar");
  }

  @Test
  void shipsABashCompletionThatCompletesRulesWhenSourcedThroughALink() throws Exception {
    // As bash-completion finds it: a link in the user's completions directory.
    Path link =
        Files.createSymbolicLink(
            Files.createDirectories(work.resolve("completions")).resolve("freshjar"),
            release.root().resolve("completion/freshjar.bash"));
    String query =
        "source "
            + link
            + "\n"
            + "spec=$(complete -p freshjar); function=${spec##*-F }; function=${function%% *}\n"
            + "COMP_WORDS=(freshjar to); COMP_CWORD=1; COMP_LINE='freshjar to'; COMP_POINT=11\n"
            + "\"$function\" freshjar to\n"
            + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";

    Result run = release.bash(work, query);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout()).as(run.toString()).isEqualTo("top\n");
  }

  @Test
  void shipsAZshCompletionBesideTheBashOne() {
    assertThat(release.root().resolve("completion/freshjar.zsh"))
        .content()
        .contains("completion zsh");
  }

  @Test
  void keepsItsClassDataArchiveInTheUsersCacheDirectoryReadableOnlyByThem() throws Exception {
    Result run = release.run(work, "", "wc", sample.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    Path classData = release.home().resolve(".cache/freshjar/class-data");
    List<Path> archives;
    try (Stream<Path> all = Files.walk(classData)) {
      archives = all.filter(file -> file.toString().endsWith(".jsa")).toList();
    }
    assertThat(archives).hasSize(1);
    Path archive = archives.get(0);
    assertThat(archive.getParent().getFileName().toString()).startsWith(VERSION + "-");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive.getParent())))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive)))
        .endsWith("------");
    assertThat(release.snapshot()).isEqualTo(asUnpacked);
  }

  @Test
  void runsTheShellOnPipedCommandsIncludingUpdate() throws Exception {
    Result run =
        release.run(
            work,
            "top 2 " + sample + "\nupdate\nwc " + sample + "\nquit\n",
            "--cache-dir",
            work.resolve("shell-cache").toString(),
            "--module",
            moduleFlag(),
            "shell");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout())
        .containsPattern("the +3\n")
        .containsPattern("text: (unchanged|updated)[^\n]*" + VERSION)
        .containsPattern("lines +words +chars +bytes\n +2 +7 +28 +28\n");
    assertThat(release.snapshot()).isEqualTo(asUnpacked);
  }

  @Test
  void updatesItsModulesFromALoopbackServer() throws Exception {
    Result run =
        release.run(
            work,
            "",
            "--cache-dir",
            work.resolve("update-cache").toString(),
            "--module",
            moduleFlag(),
            "update");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout()).matches("text: fetched " + VERSION.replace(".", "\\.") + "/\\w{12}\n");
    server.verify(getRequestedFor(urlEqualTo("/text.jar")));
    assertThat(release.snapshot()).isEqualTo(asUnpacked);
  }

  @Test
  void concurrentFirstRunsBothSucceedAndLeaveOneWholeClassDataArchive() throws Exception {
    Path home = Files.createDirectories(work.resolve("home-concurrent"));
    List<java.util.concurrent.CompletableFuture<Result>> runs = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      runs.add(
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try {
                  return release.runAs(home, work, "", "wc", sample.toString());
                } catch (IOException | InterruptedException e) {
                  throw new java.util.concurrent.CompletionException(e);
                }
              },
              java.util.concurrent.Executors.newSingleThreadExecutor()));
    }

    for (var run : runs) {
      assertThat(run.join().exitCode()).as(run.join().toString()).isZero();
    }
    try (Stream<Path> all = Files.walk(home.resolve(".cache/freshjar/class-data"))) {
      assertThat(all.filter(Files::isRegularFile).map(file -> file.getFileName().toString()))
          .singleElement()
          .asString()
          .endsWith(".jsa");
    }
  }

  @Test
  void neverUsesAClassDataDirectoryOwnedBySomeoneElse() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        "root".equals(System.getProperty("user.name")), "only root can give a directory away");
    Path home = Files.createDirectories(work.resolve("home-foreign"));
    String[] release =
        Files.readString(ReleaseArchiveIT.release.root().resolve("lib/freshjar-release"))
            .trim()
            .split(" ");
    Path planted =
        Files.createDirectories(
            home.resolve(".cache/freshjar/class-data/" + release[0] + "-" + release[1]));
    Files.setOwner(
        planted,
        planted.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

    Result run = ReleaseArchiveIT.release.runAs(home, work, "", "wc", sample.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    try (Stream<Path> files = Files.list(planted)) {
      assertThat(files).isEmpty();
    }
  }
}
