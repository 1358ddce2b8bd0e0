package dev.freshjar.dist;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.freshjar.dist.RunnableExamples.Example;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shell example of README.md and docs/ that is marked runnable ({@code ```sh runnable}) works
 * when pasted into bash at the root of a clone that {@code mvn -B verify} built. The examples of
 * one file run in order in one directory, so a later one may use what an earlier one made. Public
 * URLs in them are served by a loopback server from the repository's copies (see {@link
 * #STAND_INS}).
 */
class DocsExamplesIT {
  static final Path HOME =
      Path.of(System.getProperty("freshjar.home")).toAbsolutePath().normalize();

  /**
   * The public URLs an example may use, and the repository file a loopback server serves for each.
   */
  static final Map<String, String> STAND_INS =
      Map.of("https://www.gutenberg.org/cache/epub/2701/pg2701.txt", "corpus/moby-dick.txt");

  /** What a clone holds that the examples use; the rest of the directory is the examples' own. */
  static final List<String> CLONE =
      List.of(
          "README.md",
          "bin",
          "corpus",
          "docs",
          "examples",
          "text-utils-module",
          "launcher",
          "dist");

  static final Pattern URL = Pattern.compile("https?://[^\\s'\"`)\\\\]+");

  /**
   * Hosts under the reserved top-level domain {@code .example} (RFC 2606) never resolve, so an
   * example that names one behaves the same wherever it is pasted.
   */
  static final Pattern RESERVED = Pattern.compile("^https?://[^/]*\\.example(/|$)");

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir static Path work;

  static List<Path> documents() throws IOException {
    List<Path> files = new ArrayList<>(List.of(HOME.resolve("README.md")));
    try (Stream<Path> docs = Files.list(HOME.resolve("docs"))) {
      docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    return files;
  }

  @Test
  void theReadmeAndEveryGuideHaveRunnableExamples() throws IOException {
    for (Path file : documents()) {
      if (!file.getFileName().toString().equals("developing.md")) {
        assertThat(RunnableExamples.in(file)).as(file.toString()).isNotEmpty();
      }
    }
  }

  @TestFactory
  Stream<DynamicNode> everyRunnableExampleWorksWhenPasted() throws IOException {
    for (Map.Entry<String, String> standIn : STAND_INS.entrySet()) {
      server.stubFor(
          get(standInPath(standIn.getKey()))
              .willReturn(
                  aResponse().withBody(Files.readAllBytes(HOME.resolve(standIn.getValue())))));
    }
    List<DynamicNode> files = new ArrayList<>();
    for (Path file : documents()) {
      List<Example> examples = RunnableExamples.in(file);
      Path clone = Files.createDirectories(work.resolve(file.getFileName().toString()));
      Path home = Files.createDirectories(clone.resolve(".home"));
      for (String entry : CLONE) {
        Files.createSymbolicLink(clone.resolve(entry), HOME.resolve(entry));
      }
      files.add(
          DynamicContainer.dynamicContainer(
              file.getFileName().toString(),
              examples.stream()
                  .map(
                      example ->
                          DynamicTest.dynamicTest(
                              example.toString(), () -> run(example, clone, home)))));
    }
    return files.stream();
  }

  static String standInPath(String url) {
    return "/stand-in/" + url.substring(url.lastIndexOf('/') + 1);
  }

  static void run(Example example, Path clone, Path home) throws Exception {
    String script = example.script();
    Matcher urls = URL.matcher(script);
    while (urls.find()) {
      assertThat(STAND_INS.containsKey(urls.group()) || RESERVED.matcher(urls.group()).find())
          .as(example + ": " + urls.group() + " is neither stood in for nor on a reserved host")
          .isTrue();
    }
    for (String url : STAND_INS.keySet()) {
      script = script.replace(url, server.baseUrl() + standInPath(url));
    }
    Path path = Files.createDirectories(home.resolve("path"));
    if (!Files.exists(path.resolve("freshjar"))) {
      Files.createSymbolicLink(path.resolve("freshjar"), HOME.resolve("bin/freshjar"));
    }
    Path log = Files.createTempFile(work, "example", ".log");
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
            .directory(clone.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("XDG_") || name.startsWith("FRESHJAR_"));
    env.put("HOME", home.toString());
    env.put("PATH", path + ":" + System.getenv("PATH"));
    // The build ran before this test; an example must never start another.
    env.put("FRESHJAR_NO_BUILD", "1");
    Process process = builder.start();
    boolean finished = process.waitFor(120, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(finished).as(example + " finished in 120 s:\n" + output).isTrue();

    assertThat(process.exitValue())
        .as(
            example
                + " exited with "
                + process.exitValue()
                + ":\n"
                + example.script()
                + "---\n"
                + output)
        .isZero();
  }
}
