package dev.freshjar.textutils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjar.api.Arguments;
import dev.freshjar.api.Input;
import dev.freshjar.api.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules stream: this module's tests run in a 40 MB heap (see the pom), smaller than the 50 MB
 * inputs here, so holding a whole line or input would fail with OutOfMemoryError.
 */
class StreamingTest {
  private static final long FIFTY_MB = 50L * 1024 * 1024;

  // Six words: the, whale, U+1D11E, sea, the, and x<U+FFFD>y from a malformed byte.
  private static final byte[] UNIT =
      Texts.bytes("the whale\u00a0\uD834\uDD1E sea\u3000the x\\xffy ");
  private static final String UNIT_DECODED = "the whale\u00a0\uD834\uDD1E sea\u3000the x\uFFFDy ";

  @TempDir Path dir;

  @BeforeAll
  static void heapIsSmallerThanTheInputs() {
    assertTrue(
        Runtime.getRuntime().maxMemory() < FIFTY_MB,
        "these tests prove nothing unless the heap is smaller than their inputs");
  }

  @Test
  void countsAFiftyMegabyteLineWithoutHoldingIt() throws IOException {
    long units = FIFTY_MB / UNIT.length + 1;
    Path line = write(units, UNIT, new byte[0]);

    long chars = UNIT_DECODED.codePointCount(0, UNIT_DECODED.length());
    assertEquals(
        List.of(List.of(0L, 6 * units, chars * units, UNIT.length * units)),
        new WcRule().apply(Input.ofPath(line), Arguments.none()).rows());
    assertEquals(
        List.of(
            List.of("the", 2 * units),
            List.of("sea", units),
            List.of("whale", units),
            List.of("x\uFFFDy", units),
            List.of("\uD834\uDD1E", units)),
        new HistogramRule().apply(Input.ofPath(line), Arguments.none()).rows());
    assertEquals(
        List.of(List.of("the", 2 * units), List.of("sea", units)),
        new TopRule().apply(Input.ofPath(line), Arguments.of(Map.of("n", "2"))).rows());
  }

  @Test
  void countsAFiftyMegabyteWordInConstantMemory() throws IOException {
    Path word = write(FIFTY_MB, new byte[] {'w'}, new byte[] {'\n'});
    assertEquals(
        List.of(List.of(1L, 1L, FIFTY_MB + 1, FIFTY_MB + 1)),
        new WcRule().apply(Input.ofPath(word), Arguments.none()).rows());
  }

  @Test
  void countsAWordLongerThanManyReadBuffersAsOneWord() throws IOException {
    int length = 3 * 1024 * 1024 + 5;
    Path word = write(length, new byte[] {'w'}, " w\n".getBytes(StandardCharsets.UTF_8));
    Table table = new HistogramRule().apply(Input.ofPath(word), Arguments.none());
    assertEquals(2, table.rows().size());
    String longest = (String) table.rows().get(1).get(0);
    assertEquals(length, longest.length());
    assertTrue(longest.chars().allMatch(c -> c == 'w'));
    assertEquals(List.of("w", 1L), table.rows().get(0));
  }

  /** Writes {@code unit} {@code times} times, then {@code tail}, without building it in memory. */
  private Path write(long times, byte[] unit, byte[] tail) throws IOException {
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    int perBlock = Math.max(1, 64 * 1024 / unit.length);
    for (int i = 0; i < perBlock; i++) {
      block.writeBytes(unit);
    }
    byte[] blockBytes = block.toByteArray();
    Path file = dir.resolve("input.txt");
    try (OutputStream out = Files.newOutputStream(file)) {
      long left = times;
      for (; left >= perBlock; left -= perBlock) {
        out.write(blockBytes);
      }
      out.write(blockBytes, 0, (int) left * unit.length);
      out.write(tail);
    }
    return file;
  }
}
