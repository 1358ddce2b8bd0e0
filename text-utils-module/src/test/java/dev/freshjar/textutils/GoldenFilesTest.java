package dev.freshjar.textutils;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.freshjar.api.Input;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule prints exactly what the reference script printed, on Moby-Dick and on each edge case
 * (empty input, CRLF, Unicode white space, malformed UTF-8, code-point order, ties, top 0, ...),
 * however the input's bytes arrive.
 */
class GoldenFilesTest {

  static Stream<TestData.Case> cases() throws IOException {
    return TestData.goldenCases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesTheReference(TestData.Case golden) throws IOException {
    assertEquals(golden.expectedTsv(), Tsv.of(golden.run(Input.ofPath(golden.input()))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesTheReferenceWhenTheInputArrivesOneByteAtATime(TestData.Case golden)
      throws IOException {
    assertEquals(golden.expectedTsv(), Tsv.of(golden.run(dribbled(golden, 0, 1))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesTheReferenceWhenTheInputArrivesInRandomSmallPieces(TestData.Case golden)
      throws IOException {
    assertEquals(golden.expectedTsv(), Tsv.of(golden.run(dribbled(golden, 42, 13))));
  }

  /** The golden input, handed out at most {@code most} bytes a read by a seeded {@link Dribble}. */
  private static Input dribbled(TestData.Case golden, long seed, int most) {
    return Input.of(
        golden.input().toString(),
        () ->
            new Dribble(
                new BufferedInputStream(Files.newInputStream(golden.input())),
                new Random(seed),
                most),
        StandardCharsets.UTF_8,
        -1);
  }

  /**
   * A stream that hands out at most {@code most} bytes a read, a random number each time, so that
   * chunk boundaries fall inside words and inside multi-byte sequences.
   */
  private static final class Dribble extends FilterInputStream {
    private final Random random;
    private final int most;

    Dribble(InputStream in, Random random, int most) {
      super(in);
      this.random = random;
      this.most = most;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      return super.read(bytes, offset, Math.min(length, 1 + random.nextInt(most)));
    }
  }
}
