package dev.freshjar.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project the archetype generated for {@code org.example:tax-rules:2.0.0} (its own integration
 * test, {@code src/test/resources/projects/tax}, generated and built it) is examples/acme-rules
 * under the new name, and its jar runs in freshjar.
 */
class GeneratedModuleIT {
  static final Path GENERATED = Path.of(System.getProperty("freshjar.generated"));
  static final Path EXAMPLE = Path.of(System.getProperty("freshjar.example"));
  static final Path HOME =
      Path.of(System.getProperty("freshjar.home")).toAbsolutePath().normalize();

  @TempDir Path work;

  /** Every source file of a project, by relative path, without what a build leaves behind. */
  static Map<String, String> sources(Path project) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(project)) {
      for (Path file : (Iterable<Path>) all::iterator) {
        String relative = project.relativize(file).toString();
        if (Files.isRegularFile(file)
            && !relative.startsWith("target")
            && !relative.equals("build.log")) {
          files.put(relative, Files.readString(file));
        }
      }
    }
    return files;
  }

  static String renamed(String text) {
    return text.replace("com.acme.rules", "org.example.tax")
        .replace("com/acme/rules", "org/example/tax")
        .replace("com.acme", "org.example")
        .replace("acme-rules", "tax-rules")
        .replace("<version>1.0.0</version>", "<version>2.0.0</version>");
  }

  @Test
  void isTheExampleProjectUnderTheNewName() throws IOException {
    Map<String, String> expected = new TreeMap<>();
    sources(EXAMPLE).forEach((path, text) -> expected.put(renamed(path), renamed(text)));

    assertThat(sources(GENERATED)).isEqualTo(expected);
  }

  @Test
  void buildsAJarWhoseRuleRunsInFreshjar() throws Exception {
    Path jar = GENERATED.resolve("target/tax-rules-2.0.0.jar");
    Path notes = Files.writeString(work.resolve("notes.txt"), "TODO one\ndone\nTODO two\n");
    ProcessBuilder builder =
        new ProcessBuilder(
                HOME.resolve("bin/freshjar").toString(),
                "--cache-dir",
                work.resolve("cache").toString(),
                "--module",
                "tax=" + jar,
                "--format",
                "tsv",
                "tax:count-lines",
                "--text",
                "TODO",
                notes.toString())
            .redirectErrorStream(true);
    builder.environment().put("FRESHJAR_NO_BUILD", "1");
    builder.environment().put("FRESHJAR_CONFIG", "");
    builder.environment().put("XDG_CONFIG_HOME", work.resolve("config").toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).isEqualTo("text\tlines\nTODO\t2\n");
  }
}
