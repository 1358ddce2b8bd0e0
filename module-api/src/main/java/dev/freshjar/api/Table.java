package dev.freshjar.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The result of a rule: named, typed columns and rows of values. freshjar decides how to print it
 * (text table, TSV or JSON), so a rule never formats output itself.
 *
 * <p>Values are {@link String}s in {@link Column.Type#TEXT} columns and {@link Long}s in {@link
 * Column.Type#INTEGER} columns; nothing else, so that no object of a module's own classes outlives
 * the call. Build one with {@link #builder}.
 */
public final class Table {
  private final List<Column> columns;
  private final List<List<Object>> rows;

  private Table(List<Column> columns, List<List<Object>> rows) {
    this.columns = columns;
    this.rows = rows;
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
   * The table's rows, in order; each row has one value per column.
   *
   * @return an unmodifiable list of unmodifiable rows
   */
  public List<List<Object>> rows() {
    return rows;
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
      if (values.length != columns.size()) {
        throw new IllegalArgumentException(
            "row has " + values.length + " values for " + columns.size() + " columns");
      }
      Object[] row = Arrays.copyOf(values, values.length);
      for (int i = 0; i < row.length; i++) {
        row[i] = checked(columns.get(i), row[i]);
      }
      rows.add(Collections.unmodifiableList(Arrays.asList(row)));
      return this;
    }

    /**
     * Finishes the table; the builder cannot be used afterwards.
     *
     * @return the table
     */
    public Table build() {
      Table table = new Table(columns, Collections.unmodifiableList(rows));
      rows = null;
      return table;
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
}
