package dev.freshjar.launcher.output;

import dev.freshjar.api.Table;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** How a result table is printed. The launcher decides this, never the module. */
public enum Format {
  /** Aligned columns under a header, for people. */
  TEXT,
  /** A header row of column names, then one tab-separated row per line, for scripts. */
  TSV,
  /** An array with one object per row, keyed by column name. */
  JSON;

  /** Writes {@code table} to {@code out} in this format; does not close {@code out}. */
  public void write(Table table, Writer out) throws IOException {
    write(table, out, Destination.DATA);
  }

  /**
   * As {@link #write(Table, Writer)}, for {@code destination}: on a terminal a text table's rows
   * fit its width, their text cells wrapped, and TSV cells show control characters escaped. TSV and
   * JSON never wrap.
   */
  public void write(Table table, Writer out, Destination destination) throws IOException {
    switch (this) {
      case TEXT -> TextTableWriter.write(table, out, destination.width());
      case TSV -> TsvWriter.write(table, out, destination.terminal());
      case JSON -> JsonWriter.write(table, out);
    }
  }

  /**
   * Parses {@code text}, {@code tsv} or {@code json}, in any case.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Format parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown format '" + name + "'; use text, tsv or json", e);
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
