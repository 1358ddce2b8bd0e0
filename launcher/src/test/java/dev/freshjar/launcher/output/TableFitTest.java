package dev.freshjar.launcher.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.api.Column;
import dev.freshjar.api.Table;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TableFitTest {
  static Table rules() {
    return Table.builder(Column.text("rule"), Column.text("summary"), Column.integer("count"))
        .row("top", "the most frequent words with their counts, most frequent first", 10L)
        .row("wc", "lines, words, characters and bytes", 4L)
        .build();
  }

  static String written(Table table, int width) throws Exception {
    StringWriter out = new StringWriter();
    TextTableWriter.write(table, out, width);
    return out.toString();
  }

  @Test
  void aTableThatFitsIsLeftAsItIs() throws Exception {
    assertThat(written(rules(), 200)).isEqualTo(written(rules(), Integer.MAX_VALUE));
    assertThat(written(rules(), 200).lines()).hasSize(3);
  }

  @Test
  void aWideTextColumnWrapsAtSpacesSoEveryLineFits() throws Exception {
    String fitted = written(rules(), 40);

    assertThat(fitted.lines())
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(40));
    assertThat(fitted.lines()).hasSizeGreaterThan(3);
  }

  @Test
  void aShortColumnKeepsItsWidthWhileALongOneGivesWay() {
    int[] widths = {4, 60, 18};
    TableFit.narrow(widths, new boolean[] {true, true, true}, 50, 2);

    assertThat(widths).containsExactly(4, 24, 18);
  }

  @Test
  void aUrlBreaksAfterASlash() {
    assertThat(TableFit.wrap("https://example.org/modules/text-utils.jar", 24))
        .containsExactly("https://example.org/", "modules/text-utils.jar");
  }
}
