package dev.freshjar.launcher.output;

import dev.freshjar.api.Column;
import dev.freshjar.api.Table;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Tab-separated values: a header of column names, then one row per line. Values are written as they
 * are, except that tab, newline and carriage return become {@code \t}, {@code \n} and {@code \r},
 * so that a row is always one line.
 */
final class TsvWriter {
  private TsvWriter() {}

  static void write(Table table, Writer out) throws IOException {
    List<Column> columns = table.columns();
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        out.write('\t');
      }
      writeValue(columns.get(i).name(), out);
    }
    out.write('\n');
    try (TableRows rows = TableRows.of(table)) {
      for (List<Object> row = rows.next(); row != null; row = rows.next()) {
        writeRow(row, out);
      }
    }
  }

  private static void writeRow(List<Object> row, Writer out) throws IOException {
    for (int i = 0; i < row.size(); i++) {
      if (i > 0) {
        out.write('\t');
      }
      writeValue(row.get(i).toString(), out);
    }
    out.write('\n');
  }

  private static void writeValue(String value, Writer out) throws IOException {
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
