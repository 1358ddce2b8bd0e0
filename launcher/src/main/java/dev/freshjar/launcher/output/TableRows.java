package dev.freshjar.launcher.output;

import dev.freshjar.api.RowSource;
import dev.freshjar.api.Table;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.List;

/**
 * A table's rows as the writers read them, one at a time, so that a streamed table is printed while
 * it is produced. A row that cannot be produced (its source failed: a full disk, a damaged
 * temporary file, a bug in the module) is the rule's failure, reported as a {@link CommandFailure}
 * with exit status 1 that says the output is incomplete; it is never taken for a write error, and
 * the rows already written are never passed off as the whole result. Closing closes the source.
 */
final class TableRows implements AutoCloseable {
  private final RowSource source;
  private boolean failed;

  private TableRows(RowSource source) {
    this.source = source;
  }

  static TableRows of(Table table) {
    return new TableRows(table.open());
  }

  /** The next row, or null after the last. */
  List<Object> next() {
    if (Thread.currentThread().isInterrupted()) {
      failed = true;
      throw new CommandFailure(ExitStatus.RULE_FAILED, "stopped; the output is incomplete");
    }
    try {
      return source.next();
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Exception e) {
      failed = true;
      throw failure(e);
    }
  }

  @Override
  public void close() {
    try {
      source.close();
    } catch (Exception e) {
      if (!failed) {
        throw failure(e);
      }
    }
  }

  private static CommandFailure failure(Exception e) {
    if (e instanceof ClosedByInterruptException || e instanceof InterruptedIOException) {
      return new CommandFailure(ExitStatus.RULE_FAILED, "stopped; the output is incomplete", e);
    }
    String reason =
        e.getMessage() == null ? e.getClass().getName() : Untrusted.text(e.getMessage());
    return CommandFailure.ruleFailed(
        "the result could not be completed, the output is incomplete: " + reason, e);
  }
}
