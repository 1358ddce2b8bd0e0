package dev.freshjar.textutils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.freshjar.api.RowSource;
import dev.freshjar.api.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A ranking that spilled and has more rows than are worth holding (histogram) is not held: it is
 * sorted by rank on disk and its rows are produced as they are read, exactly the in-memory ones,
 * and reading them holds the temporary files only until the rows are closed.
 */
class StreamedRankingTest {
  private static final CountingPlan IN_MEMORY = new CountingPlan(1, 1, 1);

  @TempDir Path spillDirectory;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 60);
  }

  @Test
  void aHistogramThatSpilledIsStreamedNotHeld() throws IOException {
    byte[] text = SpillingTest.manyDistinctWords(5000);

    Table spilled = WordRanking.of(Seekable.of(text), Long.MAX_VALUE, plan(2, 1024));
    Table held = WordRanking.of(Seekable.of(text), Long.MAX_VALUE, IN_MEMORY);

    assertTrue(spilled.isStreamed());
    assertFalse(held.isStreamed());
    assertEquals(read(held), read(spilled));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void streamedRowsAreTheInMemoryRowsOnRandomTextsAndBudgets(long seed) throws IOException {
    Random random = new Random(seed);
    byte[] text = ParallelCountTest.randomText(random, 1 + random.nextInt(4000));
    CountingPlan plan = plan(1 + random.nextInt(3), 64 + random.nextInt(4000));

    assertEquals(
        read(WordRanking.of(Seekable.of(text), Long.MAX_VALUE, IN_MEMORY)),
        read(WordRanking.of(Seekable.of(text), Long.MAX_VALUE, plan)),
        plan.toString());
  }

  @Test
  void sortsByRankInSeveralPassesWhenThereAreManyRankedRuns() throws IOException {
    // A budget of a few words: thousands of ranked runs, merged 64 at a time.
    byte[] text = SpillingTest.manyDistinctWords(20_000);

    assertEquals(
        read(WordRanking.of(Seekable.of(text), Long.MAX_VALUE, IN_MEMORY)),
        read(WordRanking.of(Seekable.of(text), Long.MAX_VALUE, plan(1, 96))));
  }

  @Test
  void topWithMoreRowsThanAreHeldIsStreamedAndStopsAtN() throws IOException {
    long n = WordRanking.HELD_ROWS + 1;
    byte[] text = distinctWords((int) n + 500);

    Table top = WordRanking.of(Seekable.of(text), n, plan(1, 64 * 1024));

    assertTrue(top.isStreamed());
    // Compared row by row: the test's heap is too small to hold both.
    Table held = WordRanking.of(Seekable.of(text), n, IN_MEMORY);
    long rows = 0;
    try (RowSource expected = held.open();
        RowSource actual = top.open()) {
      for (List<Object> row = expected.next(); row != null; row = expected.next()) {
        assertEquals(row, actual.next(), "row " + rows);
        rows++;
      }
      assertNull(actual.next());
    }
    assertEquals(n, rows);
  }

  @Test
  void closingTheRowsGivesBackTheTemporaryFilesEvenWhenNotAllWereRead() throws IOException {
    Path fds = Path.of("/proc/self/fd");
    assumeTrue(Files.isDirectory(fds), "needs /proc");
    Table table =
        WordRanking.of(
            Seekable.of(SpillingTest.manyDistinctWords(5000)), Long.MAX_VALUE, plan(1, 1024));
    assertTrue(openRuns(fds) > 0, "the ranked runs are open while the rows are read");

    try (RowSource rows = table.open()) {
      rows.next();
    }

    assertEquals(0, openRuns(fds));
    try (Stream<Path> left = Files.list(spillDirectory)) {
      assertEquals(List.of(), left.toList(), "no file ever had a name");
    }
  }

  private long openRuns(Path fds) throws IOException {
    try (Stream<Path> open = Files.list(fds)) {
      return open.filter(
              fd -> {
                try {
                  return Files.readSymbolicLink(fd).startsWith(spillDirectory);
                } catch (IOException e) {
                  return false; // closed meanwhile (the listing's own descriptor)
                }
              })
          .count();
    }
  }

  private CountingPlan plan(int threads, long budget) {
    return new CountingPlan(threads, 1, 2, budget, spillDirectory);
  }

  private static List<List<Object>> read(Table table) throws IOException {
    List<List<Object>> all = new ArrayList<>();
    try (RowSource rows = table.open()) {
      for (List<Object> row = rows.next(); row != null; row = rows.next()) {
        all.add(row);
      }
    }
    return all;
  }

  /** {@code count} distinct words, the first tenth of them twice. */
  private static byte[] distinctWords(int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append('w').append(Integer.toString(i * 31 % count, 36)).append(' ');
      if (i < count / 10) {
        text.append('w').append(Integer.toString(i * 31 % count, 36)).append('\n');
      }
    }
    return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
