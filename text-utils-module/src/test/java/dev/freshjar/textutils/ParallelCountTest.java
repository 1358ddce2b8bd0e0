package dev.freshjar.textutils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjar.api.Input;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Counting a seekable input in chunks on several threads gives, byte for byte, what counting it
 * front to back on one thread gives: on the golden files, and on random texts full of multi-byte
 * white space, malformed bytes and long words, cut into random numbers of chunks.
 */
class ParallelCountTest {
  private static final CountingPlan ONE_THREAD = new CountingPlan(1, 1, 1);

  /** Every white-space character of the reference, and non-space characters of every length. */
  private static final List<byte[]> PIECES =
      Stream.concat(
              Stream.of(
                      " ", "\t", "\n", "\r\n", "\u000b", "\u000c", "\u0085", "\u00a0", "\u1680",
                      "\u2000", "\u2005", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f",
                      "\u3000")
                  .map(s -> s.getBytes(StandardCharsets.UTF_8)),
              Stream.of(
                  Texts.bytes("a"),
                  Texts.bytes("whale"),
                  Texts.bytes("é"),
                  Texts.bytes("中"),
                  Texts.bytes("\uD834\uDD1E"),
                  Texts.bytes("\u200b"),
                  Texts.bytes("\\xff"),
                  Texts.bytes("\\x80"),
                  Texts.bytes("\\xc2"),
                  Texts.bytes("\\xe2\\x80"),
                  Texts.bytes("\\xe3\\x80"),
                  Texts.bytes("\\xf0\\x9f\\x98"),
                  Texts.bytes("\\xed\\xa0\\x80"),
                  Texts.bytes("\u001c")))
          .toList();

  private static final List<byte[]> SPACES = PIECES.subList(0, 17);

  static Stream<TestData.Case> wordCases() throws IOException {
    return TestData.goldenCases().filter(c -> !c.rule().equals("wc"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wordCases")
  void matchesTheReferenceOnTheGoldenFilesInManySmallChunks(TestData.Case golden)
      throws IOException {
    byte[] bytes = Files.readAllBytes(golden.input());
    for (int chunks : new int[] {2, 3, 7, 64}) {
      CountingPlan plan = new CountingPlan(3, Math.max(1, bytes.length / chunks), 1);
      assertEquals(
          golden.expectedTsv(), rank(golden, Seekable.of(bytes), plan), chunks + " chunks");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void countsRandomTextsAsOneThreadDoes(long seed) throws IOException {
    Random random = new Random(seed);
    byte[] text = randomText(random, 1 + random.nextInt(4000));
    CountingPlan plan =
        new CountingPlan(1 + random.nextInt(4), 1 + random.nextInt(200), 1 + random.nextInt(8));
    assertEquals(histogram(text, ONE_THREAD), histogram(text, plan), plan.toString());
    assertEquals(top(text, 3, ONE_THREAD), top(text, 3, plan), plan.toString());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void neverSplitsMultiByteWhiteSpaceLyingAcrossAChunkEdge(long seed) throws IOException {
    Random random = new Random(seed);
    int chunks = 2 + random.nextInt(30);
    byte[] text = randomText(random, 50 * chunks);
    // Overwrite each nominal cut with white space that starts one or two bytes before it.
    for (int k = 1; k < chunks; k++) {
      byte[] space = SPACES.get(random.nextInt(SPACES.size()));
      int at = (int) (text.length / chunks * k) - random.nextInt(space.length);
      System.arraycopy(space, 0, text, Math.max(0, at), space.length);
    }
    CountingPlan plan = new CountingPlan(4, Math.max(1, text.length / chunks), 1);
    assertEquals(histogram(text, ONE_THREAD), histogram(text, plan));
  }

  @Test
  void leavesAWordLongerThanAChunkWhole() throws IOException {
    byte[] text = ("x " + "w".repeat(1000) + " y " + "w".repeat(1000)).getBytes();
    assertEquals(
        "word\tcount\n" + "w".repeat(1000) + "\t2\nx\t1\ny\t1\n",
        histogram(text, new CountingPlan(2, 10, 4)));
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 300);
  }

  @Nested
  class ItsThreads {
    @Test
    void haveAllEndedWhenTheCountReturns() throws Exception {
      histogram(randomText(new Random(1), 100_000), new CountingPlan(4, 1000, 4));
      assertNoCountingThreadLeft();
    }

    @Test
    void closeEveryStreamTheyOpen() throws IOException {
      byte[] text = randomText(new Random(3), 20_000);
      AtomicInteger opened = new AtomicInteger();
      AtomicInteger closed = new AtomicInteger();
      Input counted =
          Seekable.of(text)
              .wrapStreams(
                  in -> {
                    opened.incrementAndGet();
                    return new FilterInputStream(in) {
                      @Override
                      public void close() throws IOException {
                        closed.incrementAndGet();
                        super.close();
                      }
                    };
                  });
      WordRanking.of(counted, 10, new CountingPlan(3, 100, 4));
      assertTrue(opened.get() > 2, "opened " + opened);
      assertEquals(opened.get(), closed.get());
    }

    @Test
    void stopWhenOneChunkCannotBeReadAndTheFailureIsReported() throws Exception {
      byte[] text = randomText(new Random(2), 100_000);
      Input failing =
          Input.ofSeekable(
              "failing",
              offset -> {
                if (offset > 50_000) {
                  throw new IOException("disk error at " + offset);
                }
                return Seekable.at(text, offset);
              },
              StandardCharsets.UTF_8,
              text.length);
      IOException e =
          assertThrows(
              IOException.class, () -> WordRanking.of(failing, 10, new CountingPlan(2, 1000, 4)));
      assertTrue(e.getMessage().startsWith("disk error at "), e.getMessage());
      assertNoCountingThreadLeft();
    }

    @Test
    void stopWhenTheCallingThreadIsInterrupted() throws Exception {
      CountDownLatch reading = new CountDownLatch(2);
      byte[] text = new byte[64 * 1024];
      Arrays.fill(text, (byte) 'a');
      for (int i = 0; i < text.length; i += 7) {
        text[i] = (byte) ' ';
      }
      // A stream that never ends on its own and does not notice interrupts by itself.
      Input endless =
          Input.ofSeekable(
              "endless",
              offset ->
                  new InputStream() {
                    @Override
                    public int read() {
                      return 'a';
                    }

                    @Override
                    public int read(byte[] into, int from, int length) {
                      reading.countDown();
                      int n = Math.min(length, text.length);
                      System.arraycopy(text, 0, into, from, n);
                      return n;
                    }
                  },
              StandardCharsets.UTF_8,
              Long.MAX_VALUE / 2);
      CompletableFuture<Throwable> outcome = new CompletableFuture<>();
      Thread caller =
          new Thread(
              () -> {
                try {
                  WordRanking.of(endless, 10, new CountingPlan(2, 1 << 20, 1));
                  outcome.complete(null);
                } catch (Throwable e) {
                  outcome.complete(e);
                }
              });
      caller.start();
      assertTrue(reading.await(30, TimeUnit.SECONDS));
      caller.interrupt();
      Throwable thrown = outcome.get(60, TimeUnit.SECONDS);
      assertTrue(thrown instanceof InterruptedIOException, String.valueOf(thrown));
      caller.join(Duration.ofSeconds(60).toMillis());
      assertNoCountingThreadLeft();
    }
  }

  /**
   * The pool has terminated when the rule returns: every task is over. A worker thread may still be
   * alive for the few instructions of its exit, so each gets a moment to end; one that is still
   * counting never ends, and fails the test.
   */
  private static void assertNoCountingThreadLeft() throws InterruptedException {
    for (Thread thread : countingThreads()) {
      thread.join(10_000);
    }
    assertTrue(countingThreads().isEmpty(), countingThreads().toString());
  }

  private static List<Thread> countingThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("text-utils-count-") && t.isAlive())
        .toList();
  }

  /** A text of about {@code pieces} random pieces: words, white space, malformed bytes. */
  static byte[] randomText(Random random, int pieces) {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    for (int i = 0; i < pieces; i++) {
      text.writeBytes(PIECES.get(random.nextInt(PIECES.size())));
      if (random.nextInt(50) == 0) {
        text.writeBytes("long".repeat(random.nextInt(100)).getBytes(StandardCharsets.UTF_8));
      }
    }
    return text.toByteArray();
  }

  private static String rank(TestData.Case golden, Input input, CountingPlan plan)
      throws IOException {
    long limit = golden.rule().equals("top") ? golden.n() : Long.MAX_VALUE;
    return Tsv.of(WordRanking.of(input, limit, plan));
  }

  static String histogram(byte[] text, CountingPlan plan) throws IOException {
    return Tsv.of(WordRanking.of(Seekable.of(text), Long.MAX_VALUE, plan));
  }

  static String top(byte[] text, long n, CountingPlan plan) throws IOException {
    return Tsv.of(WordRanking.of(Seekable.of(text), n, plan));
  }
}
