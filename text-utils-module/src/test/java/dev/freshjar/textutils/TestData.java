package dev.freshjar.textutils;

import dev.freshjar.api.Arguments;
import dev.freshjar.api.Input;
import dev.freshjar.api.Rule;
import dev.freshjar.api.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The golden cases: each {@code expected/<case>/<rule>.tsv} under the golden directory is what the
 * reference script printed for that rule on {@code inputs/<case>.txt} (or, for Moby-Dick, on the
 * repository's corpus). make-golden.sh regenerates them.
 */
final class TestData {
  static final Path GOLDEN =
      Path.of(System.getProperty("freshjar.golden", "src/test/resources/golden"));
  static final Path CORPUS = Path.of(System.getProperty("freshjar.corpus", "../corpus"));
  static final Path MOBY_DICK = CORPUS.resolve("moby-dick.txt");

  private TestData() {}

  /** One golden case: a rule call on an input and the reference's output. */
  record Case(String name, Path input, String rule, long n, Path expected) {
    @Override
    public String toString() {
      return name + " " + (rule.equals("top") ? "top " + n : rule);
    }

    String expectedTsv() {
      try {
        return Files.readString(expected, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Runs the case's rule on {@code input}, which reads this case's input in some way. */
    Table run(Input input) throws IOException {
      Rule rule =
          switch (this.rule) {
            case "wc" -> new WcRule();
            case "histogram" -> new HistogramRule();
            default -> new TopRule();
          };
      Arguments arguments =
          this.rule.equals("top") ? Arguments.of(Map.of("n", Long.toString(n))) : Arguments.none();
      return rule.apply(input, arguments);
    }
  }

  static Stream<Case> goldenCases() throws IOException {
    List<Path> expected;
    try (Stream<Path> files = Files.walk(GOLDEN.resolve("expected"))) {
      expected = files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
    }
    return expected.stream().map(TestData::goldenCase);
  }

  private static Case goldenCase(Path expected) {
    String name = expected.getParent().getFileName().toString();
    String rule = expected.getFileName().toString().replaceFirst("\\.tsv$", "");
    long n = 0;
    if (rule.startsWith("top-")) {
      n = Long.parseLong(rule.substring("top-".length()));
      rule = "top";
    }
    Path input = GOLDEN.resolve("inputs").resolve(name + ".txt");
    if (!Files.exists(input)) {
      input = CORPUS.resolve(name + ".txt");
    }
    return new Case(name, input, rule, n, expected);
  }
}
