package dev.freshjar.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The result of a rule: named, typed columns and rows of values. freshjar decides how to print it
 * (text table, TSV or JSON), so a rule never formats output itself.
 *
 * <p>Values are {@link String}s in {@link Column.Type#TEXT} columns and {@link Long}s in {@link
 * Column.Type#INTEGER} columns; nothing else, so that no object of a module's own classes outlives
 * the call. Build one with {@link #builder}, which holds every row in memory; or, for a result too
 * large for that, make one with {@link #streamed}, whose rows are produced while freshjar prints
 * them. Read the rows with {@link #open}, which works for both.
 */
public final class Table {
  private final List<Column> columns;
  // Null for a streamed table until rows() has materialised it.
  private List<List<Object>> rows;
  // Null for a built table, and once a streamed table was opened or materialised.
  private RowSource source;
  private final boolean streamed;

  private Table(List<Column> columns, List<List<Object>> rows, RowSource source) {
    this.columns = columns;
    this.rows = rows;
    this.source = source;
    this.streamed = source != null;
  }

  /**
   * A table whose rows {@code rows} produces one at a time, in order, while freshjar prints them:
   * only the rows being printed are in memory. freshjar reads it once and always closes {@code
   * rows}. Each row is checked against the columns as it comes.
   *
   * @param columns at least one column
   * @param rows the rows, not yet read
   * @return the table
   * @throws IllegalArgumentException when there is no column
   * @since 1.1
   */
  public static Table streamed(List<Column> columns, RowSource rows) {
    Objects.requireNonNull(rows, "rows");
    List<Column> copy = List.copyOf(columns);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("a table needs at least one column");
    }
    return new Table(copy, null, rows);
  }

  /**
   * Starts a table with the given columns.
   *
   * @param columns at least one column
   * @return a builder to add rows to
   */
  public static Builder builder(Column... columns) {
    return new Builder(List.of(columns));
  }

  /**
   * The table's columns, in order.
   *
   * @return an unmodifiable list
   */
  public List<Column> columns() {
    return columns;
  }

  /**
   * Whether this table's rows are produced as they are read ({@link #streamed}).
   *
   * @return true for a streamed table
   * @since 1.1
   */
  public boolean isStreamed() {
    return streamed;
  }

  /**
   * The table's rows, in order; each row has one value per column.
   *
   * <p>A streamed table is read to its end here and its rows kept, so that they take the memory
   * streaming was meant to save: use {@link #open} to read any table row by row. This is for tests
   * and small results.
   *
   * @return an unmodifiable list of unmodifiable rows
   * @throws IllegalStateException when a streamed table was already opened
   * @throws UncheckedIOException when a streamed table's rows cannot be produced
   */
  public synchronized List<List<Object>> rows() {
    if (rows == null) {
      List<List<Object>> all = new ArrayList<>();
      try (RowSource open = open()) {
        for (List<Object> row = open.next(); row != null; row = open.next()) {
          all.add(row);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("the rows of a streamed table could not be read", e);
      }
      rows = Collections.unmodifiableList(all);
    }
    return rows;
  }

  /**
   * Opens the rows for reading in order, each checked against the columns (unmodifiable, {@link
   * Integer}s widened to {@link Long}). A built table can be opened any number of times; a streamed
   * one once, and the caller must close what this returns.
   *
   * @return the rows; {@link RowSource#next} returns {@code null} after the last
   * @throws IllegalStateException when a streamed table was already opened
   * @since 1.1
   */
  public synchronized RowSource open() {
    if (rows != null) {
      return new Listed(rows);
    }
    if (source == null) {
      throw new IllegalStateException(
          "the rows of this streamed table were already read; a streamed table is read once");
    }
    RowSource opened = new Checked(columns, source);
    source = null;
    return opened;
  }

  /** The rows of a built table. */
  private static final class Listed implements RowSource {
    private final List<List<Object>> rows;
    private int next;

    Listed(List<List<Object>> rows) {
      this.rows = rows;
    }

    @Override
    public List<Object> next() {
      return next < rows.size() ? rows.get(next++) : null;
    }

    @Override
    public void close() {}
  }

  /** A streamed table's rows, checked as they come. */
  private static final class Checked implements RowSource {
    private final List<Column> columns;
    private final RowSource source;
    private boolean ended;

    Checked(List<Column> columns, RowSource source) {
      this.columns = columns;
      this.source = source;
    }

    @Override
    public List<Object> next() throws IOException {
      if (ended) {
        return null;
      }
      List<Object> row = source.next();
      if (row == null) {
        ended = true;
        return null;
      }
      return checkedRow(columns, row.toArray());
    }

    @Override
    public void close() throws IOException {
      ended = true;
      source.close();
    }
  }

  /** Collects the rows of a {@link Table}; not thread-safe. */
  public static final class Builder {
    private final List<Column> columns;
    private List<List<Object>> rows = new ArrayList<>();

    private Builder(List<Column> columns) {
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("a table needs at least one column");
      }
      this.columns = columns;
    }

    /**
     * Adds a row. {@link Integer}s are widened to {@link Long}.
     *
     * @param values one value per column, of the column's type
     * @return this builder
     * @throws IllegalArgumentException when the count or a type does not match the columns
     */
    public Builder row(Object... values) {
      if (rows == null) {
        throw new IllegalStateException("build() was already called");
      }
      rows.add(checkedRow(columns, Arrays.copyOf(values, values.length)));
      return this;
    }

    /**
     * Finishes the table; the builder cannot be used afterwards.
     *
     * @return the table
     */
    public Table build() {
      Table table = new Table(columns, Collections.unmodifiableList(rows), null);
      rows = null;
      return table;
    }
  }

  /** {@code values}, checked against the columns and widened, as an unmodifiable row. */
  private static List<Object> checkedRow(List<Column> columns, Object[] values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          "row has " + values.length + " values for " + columns.size() + " columns");
    }
    for (int i = 0; i < values.length; i++) {
      values[i] = checked(columns.get(i), values[i]);
    }
    return Collections.unmodifiableList(Arrays.asList(values));
  }

  private static Object checked(Column column, Object value) {
    switch (column.type()) {
      case TEXT:
        if (value instanceof String) {
          return value;
        }
        break;
      case INTEGER:
        if (value instanceof Long) {
          return value;
        }
        if (value instanceof Integer) {
          return ((Integer) value).longValue();
        }
        break;
      default:
        break;
    }
    throw new IllegalArgumentException(
        "column "
            + column.name()
            + " holds "
            + column.type()
            + " values, not "
            + (value == null ? "null" : value.getClass().getName()));
  }
}
