package dev.freshjar.launcher.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshjar.api.Arguments;
import dev.freshjar.api.Column;
import dev.freshjar.api.Input;
import dev.freshjar.api.RowSource;
import dev.freshjar.api.Rule;
import dev.freshjar.api.Table;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import dev.freshjar.launcher.fixtures.Fixtures;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A streamed table is printed row by row, byte for byte as the same rows held in memory (in text,
 * as long as its widest cells are among its first {@link TextTableWriter#LOOKAHEAD} rows), and a
 * failure of its rows is the rule's error, never a write error nor a quiet end.
 */
class StreamedOutputTest {
  private static final List<Column> COLUMNS = List.of(Column.text("word"), Column.integer("count"));

  static Stream<org.junit.jupiter.params.provider.Arguments> formatsAndSeeds() {
    return Stream.of(Format.values())
        .flatMap(
            format ->
                LongStream.rangeClosed(1, 40)
                    .mapToObj(
                        seed -> org.junit.jupiter.params.provider.Arguments.of(format, seed)));
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("formatsAndSeeds")
  void aRandomStreamedTableIsPrintedAsTheSameRowsHeld(Format format, long seed) throws IOException {
    Random random = new Random(seed);
    int rows = random.nextInt(format == Format.TEXT ? TextTableWriter.LOOKAHEAD + 1 : 3000);
    List<List<Object>> ranked = randomRanking(random, rows);
    int width = random.nextBoolean() ? Integer.MAX_VALUE : 20 + random.nextInt(40);

    assertThat(print(format, streamed(ranked), width))
        .isEqualTo(print(format, held(ranked), width));
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void histogramOfMobyDickIsPrintedTheSameStreamed(Format format) throws IOException {
    Table histogram;
    try (URLClassLoader module =
        new URLClassLoader(
            new URL[] {Fixtures.textUtilsJar().toUri().toURL()}, Rule.class.getClassLoader())) {
      Rule rule =
          ServiceLoader.load(Rule.class, module).stream()
              .map(ServiceLoader.Provider::get)
              .filter(each -> each.name().equals("histogram"))
              .findFirst()
              .orElseThrow();
      histogram =
          rule.apply(
              Input.ofBytes("moby", Files.readAllBytes(Fixtures.mobyDick())),
              Arguments.of(Map.of()));
    }
    List<List<Object>> rows = histogram.rows();
    assertThat(rows.size()).isGreaterThan(TextTableWriter.LOOKAHEAD);

    String expected = print(format, histogram, Integer.MAX_VALUE);
    String actual = print(format, streamed(rows), Integer.MAX_VALUE);
    if (format == Format.TEXT) {
      // Widths from the first rows: the counts align as in the held table (the first count is the
      // largest); a longer word further down pushes its count to the right.
      assertThat(actual.lines().count()).isEqualTo(expected.lines().count());
      assertThat(actual.lines().map(String::strip).map(line -> line.split(" +")).toList())
          .usingRecursiveFieldByFieldElementComparator()
          .isEqualTo(expected.lines().map(String::strip).map(line -> line.split(" +")).toList());
    } else {
      assertThat(actual).isEqualTo(expected);
    }
  }

  @Test
  void aTextTableTakesItsWidthsFromItsFirstRowsAndCutsNothingAfter() throws IOException {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < TextTableWriter.LOOKAHEAD + 5; i++) {
      rows.add(List.of("w" + i % 10, 10_000L - i));
    }
    rows.add(List.of("a-much-longer-word-than-any-before", 1L));

    List<String> lines = print(Format.TEXT, streamed(rows), Integer.MAX_VALUE).lines().toList();

    assertThat(lines.get(0)).isEqualTo("word  count");
    assertThat(lines.get(1)).isEqualTo("w0    10000");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("a-much-longer-word-than-any-before      1");
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void aRowThatCannotBeProducedIsAnIncompleteResultAndTheSourceIsClosed(Format format) {
    Failing source = new Failing();

    assertThatThrownBy(() -> print(format, Table.streamed(COLUMNS, source), Integer.MAX_VALUE))
        .isInstanceOfSatisfying(
            CommandFailure.class,
            failure -> assertThat(failure.status()).isEqualTo(ExitStatus.RULE_FAILED))
        .hasMessageContaining("the output is incomplete")
        .hasMessageContaining("no space left on the spill disk")
        .hasMessageNotContaining("write error");
    assertThat(source.closed).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void aValueOfTheWrongTypeIsAnIncompleteResult(Format format) {
    Table table =
        Table.streamed(COLUMNS, new Listed(List.of(List.of("a", 2L), List.of("b", "not a count"))));

    assertThatThrownBy(() -> print(format, table, Integer.MAX_VALUE))
        .isInstanceOf(CommandFailure.class)
        .hasMessageContaining("the output is incomplete")
        .hasMessageContaining("column count holds INTEGER values");
  }

  @Test
  void anInterruptStopsTheRowsWithAnError() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(
              () ->
                  print(
                      Format.TSV,
                      streamed(List.of(List.of("a", 1L), List.of("b", 1L))),
                      Integer.MAX_VALUE))
          .isInstanceOf(CommandFailure.class)
          .hasMessageContaining("stopped; the output is incomplete");
    } finally {
      Thread.interrupted();
    }
  }

  private static String print(Format format, Table table, int width) throws IOException {
    StringWriter out = new StringWriter();
    format.write(table, out, new Destination(false, width));
    return out.toString();
  }

  private static Table held(List<List<Object>> rows) {
    Table.Builder table = Table.builder(COLUMNS.toArray(Column[]::new));
    rows.forEach(row -> table.row(row.toArray()));
    return table.build();
  }

  private static Table streamed(List<List<Object>> rows) {
    return Table.streamed(COLUMNS, new Listed(rows));
  }

  /** Words of random code points (tabs, quotes, controls, CJK included), counts descending. */
  private static List<List<Object>> randomRanking(Random random, int size) {
    List<List<Object>> rows = new ArrayList<>();
    long count = 1 + random.nextInt(1_000_000);
    String alphabet = "ab\t\"\\\n\u0007é中😀 z";
    for (int i = 0; i < size; i++) {
      StringBuilder word = new StringBuilder();
      int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 60 : 8);
      for (int k = 0; k < length; k++) {
        int at =
            alphabet.offsetByCodePoints(
                0, random.nextInt(alphabet.codePointCount(0, alphabet.length())));
        word.appendCodePoint(alphabet.codePointAt(at));
      }
      count = Math.max(1, count - random.nextInt(3));
      rows.add(List.of(word.toString(), count));
    }
    return rows;
  }

  private static final class Listed implements RowSource {
    private final Iterator<List<Object>> rows;

    Listed(List<List<Object>> rows) {
      this.rows = rows.iterator();
    }

    @Override
    public List<Object> next() {
      return rows.hasNext() ? rows.next() : null;
    }

    @Override
    public void close() {}
  }

  private static final class Failing implements RowSource {
    private int produced;
    boolean closed;

    @Override
    public List<Object> next() throws IOException {
      if (produced == 2) {
        throw new IOException("no space left on the spill disk");
      }
      produced++;
      return List.of("w" + produced, 1L);
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
