package dev.freshjar.api;

import java.io.IOException;
import java.util.List;

/**
 * The rows of a streamed {@link Table}, produced one at a time, in order, and read once: for a
 * result too large to hold in memory (one row per distinct word of a 30-million-word text).
 * freshjar reads it while it prints the table and always closes it: after the last row, on a
 * failure (its own or the source's), and when the user stops the output.
 *
 * <p>The source runs after the rule has returned, on the thread that prints, so it must not rely on
 * the rule's thread (its interrupt status, its context class loader). Every value is checked
 * against its column as it comes, as {@link Table.Builder#row} does.
 *
 * @since 1.1
 */
public interface RowSource extends AutoCloseable {
  /**
   * The next row.
   *
   * @return one value per column, of the column's type ({@link Integer}s are widened to {@link
   *     Long}); {@code null} once there are no more rows
   * @throws IOException when the row cannot be produced; freshjar then reports the failure and
   *     exits with a non-zero status, whatever rows it already printed
   */
  List<Object> next() throws IOException;

  /**
   * Releases what the source holds (open files, temporary space). Called exactly once, whether or
   * not every row was read.
   *
   * @throws IOException when releasing fails
   */
  @Override
  void close() throws IOException;
}
