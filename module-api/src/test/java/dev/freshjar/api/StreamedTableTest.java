package dev.freshjar.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A streamed table's rows are produced once, in order, checked as they come, and closed. */
class StreamedTableTest {
  private static final List<Column> COLUMNS = List.of(Column.text("word"), Column.integer("count"));

  /** A source over fixed rows that records whether it was closed. */
  static final class Rows implements RowSource {
    private final Iterator<List<Object>> rows;
    boolean closed;

    Rows(List<List<Object>> rows) {
      this.rows = rows.iterator();
    }

    @Override
    public List<Object> next() {
      return rows.hasNext() ? rows.next() : null;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void opensItsRowsInOrderWithIntegersWidened() throws IOException {
    Rows source = new Rows(List.of(List.of("a", 2), List.of("b", 1L)));
    Table table = Table.streamed(COLUMNS, source);

    List<List<Object>> read = new ArrayList<>();
    try (RowSource rows = table.open()) {
      for (List<Object> row = rows.next(); row != null; row = rows.next()) {
        read.add(row);
      }
      assertNull(rows.next());
    }

    assertTrue(table.isStreamed());
    assertEquals(List.of(List.of("a", 2L), List.of("b", 1L)), read);
    assertEquals(Long.class, read.get(0).get(1).getClass());
    assertTrue(source.closed);
  }

  @Test
  void refusesARowOfTheWrongTypeWhenItComes() throws IOException {
    Table table = Table.streamed(COLUMNS, new Rows(List.of(List.of("a", 1L), List.of(3L, "b"))));

    try (RowSource rows = table.open()) {
      assertEquals(List.of("a", 1L), rows.next());
      IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, rows::next);
      assertTrue(wrong.getMessage().contains("column word holds TEXT values"), wrong.getMessage());
    }
  }

  @Test
  void refusesARowWithTooFewValues() throws IOException {
    Table table = Table.streamed(COLUMNS, new Rows(List.of(List.of("a"))));

    try (RowSource rows = table.open()) {
      assertThrows(IllegalArgumentException.class, rows::next);
    }
  }

  @Test
  void isReadOnce() throws IOException {
    Table table = Table.streamed(COLUMNS, new Rows(List.of(List.of("a", 1L))));
    table.open().close();

    IllegalStateException again = assertThrows(IllegalStateException.class, table::open);
    assertTrue(again.getMessage().contains("read once"), again.getMessage());
    assertThrows(IllegalStateException.class, table::rows);
  }

  @Test
  void rowsReadsItWholeClosesItAndThenOpensTheHeldRows() throws IOException {
    Rows source = new Rows(List.of(List.of("a", 2L), List.of("b", 1L)));
    Table table = Table.streamed(COLUMNS, source);

    assertEquals(List.of(List.of("a", 2L), List.of("b", 1L)), table.rows());
    assertTrue(source.closed);
    try (RowSource rows = table.open()) {
      assertEquals(List.of("a", 2L), rows.next());
    }
  }

  @Test
  void aBuiltTableOpensAnyNumberOfTimes() throws IOException {
    Table table = Table.builder(COLUMNS.toArray(Column[]::new)).row("a", 1).build();

    assertFalse(table.isStreamed());
    for (int i = 0; i < 2; i++) {
      try (RowSource rows = table.open()) {
        assertEquals(List.of("a", 1L), rows.next());
        assertNull(rows.next());
      }
    }
  }

  @Test
  void needsAColumn() {
    assertThrows(
        IllegalArgumentException.class, () -> Table.streamed(List.of(), new Rows(List.of())));
  }
}
