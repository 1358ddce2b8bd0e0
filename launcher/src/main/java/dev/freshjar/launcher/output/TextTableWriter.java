package dev.freshjar.launcher.output;

import dev.freshjar.api.Column;
import dev.freshjar.api.Table;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** Columns aligned under their names; numbers right-aligned, text left-aligned. */
final class TextTableWriter {
  private static final String GAP = "  ";

  /** How many rows of a streamed table set its column widths. */
  static final int LOOKAHEAD = 1000;

  private TextTableWriter() {}

  static void write(Table table, Writer out) throws IOException {
    write(table, out, Integer.MAX_VALUE);
  }

  /**
   * As {@link #write(Table, Writer)}, text columns wrapped to fit {@code maxWidth} if need be.
   *
   * <p>Column widths come from every row of a built table. A streamed table's rows are not all
   * known before the first is printed, so its widths come from its first {@link #LOOKAHEAD} rows; a
   * later cell that is wider is printed whole, pushing the cells after it to the right, and wrapped
   * only in a column narrowed to fit {@code maxWidth}. For a ranking (largest count first) the
   * number columns are as wide as they would be for the whole table.
   */
  static void write(Table table, Writer out, int maxWidth) throws IOException {
    List<Column> columns = table.columns();
    List<String> header = columns.stream().map(column -> visible(column.name())).toList();
    int[] widths = new int[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = width(header.get(i));
    }
    boolean[] text = new boolean[widths.length];
    for (int i = 0; i < widths.length; i++) {
      text[i] = columns.get(i).type() != Column.Type.INTEGER;
    }
    int lookahead = table.isStreamed() ? LOOKAHEAD : Integer.MAX_VALUE;
    try (TableRows rows = TableRows.of(table)) {
      List<List<String>> first = new ArrayList<>();
      List<Object> row = null;
      while (first.size() < lookahead && (row = rows.next()) != null) {
        List<String> cells = row.stream().map(TextTableWriter::visible).toList();
        for (int i = 0; i < widths.length; i++) {
          widths[i] = Math.max(widths[i], width(cells.get(i)));
        }
        first.add(cells);
      }
      boolean[] narrowed = new boolean[widths.length];
      int[] natural = widths.clone();
      TableFit.narrow(widths, text, maxWidth, GAP.length());
      for (int i = 0; i < widths.length; i++) {
        narrowed[i] = widths[i] < natural[i];
      }
      line(columns, header, widths, narrowed, out);
      for (List<String> cells : first) {
        line(columns, cells, widths, narrowed, out);
      }
      if (row == null) {
        return;
      }
      first = null;
      while ((row = rows.next()) != null) {
        line(columns, row.stream().map(TextTableWriter::visible).toList(), widths, narrowed, out);
      }
    }
  }

  /** One row, on as many lines as its widest wrapped cell needs. */
  private static void line(
      List<Column> columns, List<String> cells, int[] widths, boolean[] narrowed, Writer out)
      throws IOException {
    List<List<String>> wrapped = new ArrayList<>();
    int height = 1;
    for (int i = 0; i < widths.length; i++) {
      List<String> lines =
          narrowed[i] && width(cells.get(i)) > widths[i]
              ? TableFit.wrap(cells.get(i), widths[i])
              : List.of(cells.get(i));
      wrapped.add(lines);
      height = Math.max(height, lines.size());
    }
    for (int l = 0; l < height; l++) {
      for (int i = 0; i < widths.length; i++) {
        List<String> lines = wrapped.get(i);
        cell(
            columns.get(i),
            l < lines.size() ? lines.get(l) : "",
            widths[i],
            i == widths.length - 1,
            out);
      }
      out.write('\n');
    }
  }

  private static void cell(Column column, String value, int width, boolean last, Writer out)
      throws IOException {
    int padding = width - width(value);
    boolean right = column.type() == Column.Type.INTEGER;
    if (right) {
      pad(padding, out);
    }
    out.write(value);
    if (!right && !last) {
      pad(padding, out);
    }
    if (!last) {
      out.write(GAP);
    }
  }

  /** Control characters would break the layout or drive the terminal; show them escaped. */
  private static String visible(Object value) {
    return Cells.visible(value.toString());
  }

  private static int width(String text) {
    return text.codePointCount(0, text.length());
  }

  private static void pad(int count, Writer out) throws IOException {
    for (int i = 0; i < count; i++) {
      out.write(' ');
    }
  }
}
