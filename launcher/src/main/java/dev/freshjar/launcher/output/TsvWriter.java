package dev.freshjar.launcher.output;

import dev.freshjar.api.Column;
import dev.freshjar.api.Table;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Tab-separated values: a header of column names, then one row per line. Values are written as they
 * are, except that tab, newline and carriage return become {@code \t}, {@code \n} and {@code \r},
 * so that a row is always one line. On a terminal, the other control characters (and the
 * bidirectional overrides) are shown escaped too ({@link Cells}); elsewhere they are data.
 */
final class TsvWriter {
  private TsvWriter() {}

  static void write(Table table, Writer out, boolean terminal) throws IOException {
    List<Column> columns = table.columns();
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        out.write('\t');
      }
      writeValue(columns.get(i).name(), out, terminal);
    }
    out.write('\n');
    try (TableRows rows = TableRows.of(table)) {
      for (List<Object> row = rows.next(); row != null; row = rows.next()) {
        writeRow(row, out, terminal);
      }
    }
  }

  private static void writeRow(List<Object> row, Writer out, boolean terminal) throws IOException {
    for (int i = 0; i < row.size(); i++) {
      if (i > 0) {
        out.write('\t');
      }
      writeValue(row.get(i).toString(), out, terminal);
    }
    out.write('\n');
  }

  private static void writeValue(String text, Writer out, boolean terminal) throws IOException {
    // Tab, newline and carriage return first, as \t \n \r; then, on a terminal, the rest.
    String value = terminal ? Cells.visibleExceptLineBreaks(text) : text;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\t' -> out.write("\\t");
        case '\n' -> out.write("\\n");
        case '\r' -> out.write("\\r");
        default -> out.write(c);
      }
    }
  }
}
