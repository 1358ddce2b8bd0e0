package dev.freshjar.launcher.output;

import dev.freshjar.api.Column;
import dev.freshjar.api.Table;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Columns aligned under their names; numbers right-aligned, text left-aligned. */
final class TextTableWriter {
  private static final String GAP = "  ";

  private TextTableWriter() {}

  static void write(Table table, Writer out) throws IOException {
    write(table, out, Integer.MAX_VALUE);
  }

  /** As {@link #write(Table, Writer)}, text columns wrapped to fit {@code maxWidth} if need be. */
  static void write(Table table, Writer out, int maxWidth) throws IOException {
    List<Column> columns = table.columns();
    int[] widths = new int[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = width(visible(columns.get(i).name()));
    }
    for (List<Object> row : table.rows()) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], width(visible(row.get(i))));
      }
    }
    boolean[] text = new boolean[widths.length];
    for (int i = 0; i < widths.length; i++) {
      text[i] = columns.get(i).type() != Column.Type.INTEGER;
    }
    TableFit.narrow(widths, text, maxWidth, GAP.length());
    line(columns, columns.stream().map(column -> visible(column.name())).toList(), widths, out);
    for (List<Object> row : table.rows()) {
      line(columns, row.stream().map(TextTableWriter::visible).toList(), widths, out);
    }
  }

  /** One row, on as many lines as its widest wrapped cell needs. */
  private static void line(List<Column> columns, List<String> cells, int[] widths, Writer out)
      throws IOException {
    List<List<String>> wrapped = new java.util.ArrayList<>();
    int height = 1;
    for (int i = 0; i < widths.length; i++) {
      List<String> lines =
          width(cells.get(i)) > widths[i]
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
