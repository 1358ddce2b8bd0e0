package dev.freshjar.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import dev.freshjar.launcher.fixtures.ModuleJar;
import dev.freshjar.launcher.fixtures.ServeProcess;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A result with more rows than the heap holds is printed while it is produced (a streamed table),
 * and a failure while it streams is an error with a non-zero exit, never a short result with exit
 * 0. The real {@code bin/freshjar}, with a small heap.
 */
class StreamedResultIT {
  // Far more rows than fit in 64 MB of heap as a built table (about 150 bytes a row).
  private static final int DISTINCT = 1_500_000;

  @TempDir Path dir;

  @Test
  void histogramOfMoreDistinctWordsThanTheHeapHoldsIsExact() throws IOException {
    Path text = dir.resolve("distinct.txt");
    List<String> expected = writeDistinctWords(text);
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path out = dir.resolve("histogram.tsv");

    Result run =
        Freshjar.withCache(dir.resolve("cache"))
            .env("FRESHJAR_JAVA_OPTS", "-Xmx64m")
            .env("TMPDIR", tmp.toString())
            .timeout(Duration.ofMinutes(5))
            .wrappedIn("bash", "-c", "\"$@\" > '" + out + "'", "bash")
            .run("--format", "tsv", "histogram", text.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("word\tcount");
    assertThat(lines.subList(1, lines.size())).isEqualTo(expected);
    try (var left = Files.list(tmp)) {
      assertThat(left).as("files left in TMPDIR").isEmpty();
    }
  }

  @Test
  void aFailureWhileTheRowsStreamEndsTheShellsCommandWithAnError() throws IOException {
    Path closed = dir.resolve("closed");
    Path jar = failingModule(closed).writeTo(dir.resolve("failing.jar"));
    Path rowsBeforeFailing = Files.writeString(dir.resolve("rows"), "3");

    Result run =
        Freshjar.withCache(dir.resolve("cache"))
            .option("--module", "failing=" + jar.toUri())
            .stdin(
                "fails-midway " + rowsBeforeFailing + "\nfails-midway " + rowsBeforeFailing + "\n")
            .run("shell");

    assertThat(run.exitCode()).as(run.toString()).isNotZero();
    assertThat(run.stderr().lines().filter(line -> line.contains("the output is incomplete")))
        .as(run.toString())
        .hasSize(2);
    assertThat(closed).as("the row source was closed").exists();
  }

  /** Over HTTP: a 500 before anything was sent, a response cut off after, never a whole 200. */
  @ParameterizedTest(name = "{0} rows before the failure")
  @ValueSource(ints = {3, 200_000})
  void aFailureWhileTheRowsStreamIsNeverACompleteAnswerOverHttp(int rows) {
    Path jar = failingModule(dir.resolve("closed")).writeTo(dir.resolve("failing.jar"));
    try (ServeProcess serve =
        ServeProcess.start(
            Freshjar.withCache(dir.resolve("cache"))
                .option("--module", "failing=" + jar.toUri()))) {
      HttpRequest request =
          serve
              .request("/rules/fails-midway")
              .header("Accept", "text/tab-separated-values")
              .POST(HttpRequest.BodyPublishers.ofString(Integer.toString(rows)))
              .build();
      try {
        HttpResponse<String> answer =
            serve.client().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(500);
        assertThat(answer.body()).contains("the output is incomplete");
      } catch (IOException e) {
        // Cut off part way: what a client must see when the body is not all there.
        assertThat(rows).as("only a failure after the first bytes were sent").isGreaterThan(3);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      assertThat(serve.get("/health").statusCode()).as("the server goes on").isEqualTo(200);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"text", "tsv", "json"})
  void aFailureWhileTheRowsStreamIsAnErrorWithExitOne(String format) throws IOException {
    Path closed = dir.resolve("closed");
    Path jar = failingModule(closed).writeTo(dir.resolve("failing.jar"));
    Path rowsBeforeFailing = Files.writeString(dir.resolve("rows"), "3");

    Result run =
        Freshjar.withCache(dir.resolve("cache"))
            .option("--module", "failing=" + jar.toUri())
            .run("--format", format, "fails-midway", rowsBeforeFailing.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.stderr())
        .as(run.toString())
        .contains("the output is incomplete")
        .contains("the disk is on fire");
    assertThat(run.stdout()).as(run.toString()).doesNotContain("never");
    assertThat(closed).as("the row source was closed").exists();
  }

  /**
   * Words {@code w0 .. w(DISTINCT-1)}, each once, and every seventh a second time, in a scrambled
   * order; returns the histogram's rows as TSV lines: count descending, then the word.
   */
  private static List<String> writeDistinctWords(Path text) throws IOException {
    record Row(String word, int count) {}
    List<Row> rows = new ArrayList<>(DISTINCT);
    try (BufferedWriter out = Files.newBufferedWriter(text, StandardCharsets.UTF_8)) {
      for (long i = 0; i < DISTINCT; i++) {
        String word = "w" + Long.toString((i * 7_919) % DISTINCT, 36);
        int count = i % 7 == 0 ? 2 : 1;
        for (int k = 0; k < count; k++) {
          out.write(word);
          out.write(k == 0 ? '\n' : ' ');
        }
        rows.add(new Row(word, count));
      }
    }
    rows.sort(Comparator.comparingInt(Row::count).reversed().thenComparing(Row::word));
    return rows.stream().map(row -> row.word() + "\t" + row.count()).toList();
  }

  private static ModuleJar failingModule(Path closed) {
    return ModuleJar.named("failing")
        .rule(
            "failing.FailsMidway",
            """
            package failing;
            import dev.freshjar.api.*;
            import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
            import java.nio.file.*;
            import java.util.List;
            public class FailsMidway implements Rule {
              public String name() { return "fails-midway"; }
              public String summary() { return "N rows, then a failure"; }
              public Table apply(Input input, Arguments arguments) throws IOException {
                int failAt;
                try (var in = input.openStream()) {
                  failAt = Integer.parseInt(new String(in.readAllBytes()).trim());
                }
                return Table.streamed(
                    List.of(Column.text("word"), Column.integer("count")),
                    new RowSource() {
                      int produced;
                      public List<Object> next() throws IOException {
                        if (produced == failAt) {
                          throw new IOException("the disk is on fire");
                        }
                        if (produced > failAt) {
                          return List.of("never", 0L);
                        }
                        produced++;
                        return List.of("row" + produced, (long) produced);
                      }
                      public void close() throws IOException {
                        Files.writeString(Path.of("%s"), "closed");
                      }
                    });
              }
            }
            """
                .formatted(closed.toString().replace("\\", "\\\\")));
  }
}
