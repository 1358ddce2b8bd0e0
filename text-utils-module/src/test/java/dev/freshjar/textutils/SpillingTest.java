package dev.freshjar.textutils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.freshjar.api.Input;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When the word tables outgrow their memory budget they spill sorted word lists to temporary files
 * and add them up again; the result is exactly the in-memory one, and no file is left behind.
 * Budgets here are a few hundred bytes, so that a few words already spill.
 */
class SpillingTest {
  private static final CountingPlan IN_MEMORY = new CountingPlan(1, 1, 1);

  @TempDir Path spillDirectory;

  static Stream<TestData.Case> wordCases() throws IOException {
    return TestData.goldenCases().filter(c -> !c.rule().equals("wc"));
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 150);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wordCases")
  void matchesTheReferenceOnTheGoldenFilesWithATinyBudget(TestData.Case golden) throws IOException {
    byte[] bytes = Files.readAllBytes(golden.input());
    long limit = golden.rule().equals("top") ? golden.n() : Long.MAX_VALUE;
    for (int threads : new int[] {1, 3}) {
      CountingPlan plan = plan(threads, Math.max(1, bytes.length / 5), 64 * 1024);
      assertEquals(
          golden.expectedTsv(),
          Tsv.of(WordRanking.of(Seekable.of(bytes), limit, plan)),
          threads + " threads");
    }
    assertNoFileLeft();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void countsRandomTextsWithRandomBudgetsAsInMemory(long seed) throws IOException {
    Random random = new Random(seed);
    byte[] text = ParallelCountTest.randomText(random, 1 + random.nextInt(3000));
    CountingPlan plan =
        plan(1 + random.nextInt(4), 1 + random.nextInt(300), 64 + random.nextInt(2000));
    long n = random.nextInt(6);
    assertEquals(
        ParallelCountTest.histogram(text, IN_MEMORY),
        ParallelCountTest.histogram(text, plan),
        plan.toString());
    assertEquals(
        ParallelCountTest.top(text, n, IN_MEMORY),
        ParallelCountTest.top(text, n, plan),
        plan.toString());
    assertNoFileLeft();
  }

  @Test
  void countsAReadOnceInputThatSpillsAsInMemory() throws IOException {
    byte[] text = manyDistinctWords(5000);
    Input once = Input.ofBytes("once", text);
    assertEquals(
        Tsv.of(WordRanking.of(once, 7, IN_MEMORY)),
        Tsv.of(WordRanking.of(once, 7, plan(1, 1, 512))));
  }

  @Test
  void mergesMoreRunsThanItReadsAtOnceInSeveralPasses() throws IOException {
    Random random = new Random(7);
    TreeMap<String, Long> expected = new TreeMap<>();
    try (Spills spills = new Spills(spillDirectory)) {
      for (int run = 0; run < 3 * Spills.FAN_IN + 5; run++) {
        WordCounts table = new WordCounts();
        for (int i = 0; i < 20; i++) {
          byte[] word = ("w" + random.nextInt(500)).getBytes(StandardCharsets.UTF_8);
          table.add(word, 0, word.length, 1);
          expected.merge(new String(word, StandardCharsets.UTF_8), 1L, Long::sum);
        }
        spills.spill(table);
      }
      assertTrue(spills.runCount() > Spills.FAN_IN);
      TreeMap<String, Long> merged = new TreeMap<>();
      List<String> order = new java.util.ArrayList<>();
      spills.merge(
          (word, from, length, count) -> {
            String w = new String(word, from, length, StandardCharsets.UTF_8);
            order.add(w);
            merged.put(w, count);
          });
      assertEquals(expected, merged);
      assertEquals(List.copyOf(expected.keySet()), order, "one call per word, in byte order");
    }
    assertNoFileLeft();
  }

  @Test
  void leavesNoFileBehindWhenReadingFails() {
    byte[] text = manyDistinctWords(20_000);
    Input failing =
        Input.ofSeekable(
            "failing",
            offset -> {
              if (offset > text.length / 2) {
                throw new IOException("disk error");
              }
              return Seekable.at(text, offset);
            },
            StandardCharsets.UTF_8,
            text.length);
    assertThrows(IOException.class, () -> WordRanking.of(failing, 10, plan(2, 1000, 512)));
    assertNoFileLeft();
  }

  @Test
  void namesTheDirectoryWhenItCannotCreateAFileThere() {
    Path missing = spillDirectory.resolve("missing");
    CountingPlan plan = new CountingPlan(1, 1, 1, 512, missing);
    IOException e =
        assertThrows(
            IOException.class,
            () -> WordRanking.of(Input.ofBytes("t", manyDistinctWords(1000)), 10, plan));
    assertTrue(
        e.getMessage().startsWith("cannot create a temporary file in " + missing), e.getMessage());
    assertTrue(e.getMessage().contains("set TMPDIR"), e.getMessage());
  }

  /**
   * A full disk, for real: a 1 MB tmpfs. Mounting one needs root, so elsewhere this is skipped;
   * bench/spill.sh shows the same message from the command line.
   */
  @Test
  void saysTheDiskIsFullWhenItIs() throws Exception {
    Path tiny = spillDirectory.resolve("tiny");
    Files.createDirectory(tiny);
    assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", tiny.toString()) == 0);
    try {
      CountingPlan plan = new CountingPlan(1, 1, 1, 64 * 1024, tiny);
      IOException e =
          assertThrows(
              IOException.class,
              () -> WordRanking.of(Input.ofBytes("t", manyDistinctWords(400_000)), 10, plan));
      assertTrue(e.getMessage().startsWith("cannot write a word list to " + tiny), e.getMessage());
      assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
      try (Stream<Path> left = Files.list(tiny)) {
        assertEquals(List.of(), left.toList());
      }
    } finally {
      assertEquals(0, run("umount", tiny.toString()));
    }
  }

  private static int run(String... command) throws Exception {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return process.waitFor();
    } catch (IOException e) {
      return -1; // no such command here
    }
  }

  private CountingPlan plan(int threads, long minChunk, long budget) {
    return new CountingPlan(threads, minChunk, 2, budget, spillDirectory);
  }

  private void assertNoFileLeft() {
    try (Stream<Path> left = Files.list(spillDirectory)) {
      assertEquals(List.of(), left.filter(p -> !p.endsWith("tiny")).toList());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** {@code count} distinct words, some repeated, in a shuffled order. */
  static byte[] manyDistinctWords(int count) {
    Random random = new Random(count);
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    for (int i = 0; i < count; i++) {
      int word = random.nextInt(count);
      text.writeBytes(
          ("word" + word + (i % 7 == 0 ? "\u3000" : " ")).getBytes(StandardCharsets.UTF_8));
    }
    return text.toByteArray();
  }
}
