package dev.freshjar.launcher.output;

import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Standard output as every command and the shell write it, with the failures that a {@code
 * PrintWriter} would swallow made visible. A write that fails (a full disk, an I/O error) throws a
 * {@link CommandFailure} "write error: REASON", exit status 1, once; later writes are dropped, so
 * that the one report is not buried under others. A reader that went away (a closed pipe, as in
 * {@code freshjar histogram doc | head}) is no error: what follows is dropped quietly.
 */
public final class StandardOutput extends OutputStream {
  private final OutputStream out;
  private volatile boolean readerGone;
  private volatile String failure;

  public StandardOutput(OutputStream out) {
    this.out = out;
  }

  /** The process's standard output. */
  public static StandardOutput ofProcess() {
    return new StandardOutput(new FileOutputStream(FileDescriptor.out));
  }

  /** Why a write failed, if one did. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** The failure of a write for {@code reason}, in the words every command uses. */
  public static CommandFailure writeError(String reason, Throwable cause) {
    return new CommandFailure(ExitStatus.RULE_FAILED, "write error: " + reason, cause);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    if (dropping()) {
      return;
    }
    try {
      out.write(bytes, offset, length);
    } catch (IOException e) {
      failed(e);
    }
  }

  @Override
  public void flush() {
    if (dropping()) {
      return;
    }
    try {
      out.flush();
    } catch (IOException e) {
      failed(e);
    }
  }

  private boolean dropping() {
    return readerGone || failure != null;
  }

  private void failed(IOException e) {
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (reason.equals("Broken pipe")) {
      // Nobody reads any more: the command goes on quietly, as it always has.
      readerGone = true;
      return;
    }
    failure = reason;
    throw writeError(reason, e);
  }
}
