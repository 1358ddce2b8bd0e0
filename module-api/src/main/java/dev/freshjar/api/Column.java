package dev.freshjar.api;

import java.util.Objects;

/**
 * A named, typed column of a {@link Table}.
 *
 * @param name the column's name, printed as the header in text and TSV output and used as the key
 *     in JSON output
 * @param type the kind of value every row holds in this column
 */
public record Column(String name, Type type) {

  /** The kind of value a column holds. */
  public enum Type {
    /** {@link String} values. */
    TEXT,
    /** {@link Long} values. */
    INTEGER
  }

  /**
   * Checks the declaration.
   *
   * @throws IllegalArgumentException when the name is blank
   */
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (name.isBlank()) {
      throw new IllegalArgumentException("column name is blank");
    }
  }

  /**
   * A text column.
   *
   * @param name the column's name
   * @return the column
   */
  public static Column text(String name) {
    return new Column(name, Type.TEXT);
  }

  /**
   * An integer column.
   *
   * @param name the column's name
   * @return the column
   */
  public static Column integer(String name) {
    return new Column(name, Type.INTEGER);
  }
}
