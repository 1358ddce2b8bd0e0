package dev.freshjar.launcher.input;

import dev.freshjar.api.Input;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The inputs of a one-shot run, which may read its input twice: once early, on the cached jars,
 * while the update checks are under way, and again if a check brings a new jar. Each INPUT is
 * resolved once and read from its source once; a second reader gets the same bytes (see {@link
 * RereadableInput}). Closing it lets go of what was kept.
 */
public final class OneShotInputs implements AutoCloseable {
  private final InputResolver resolver;
  private final Path tempDir;
  private final Map<String, RereadableInput> inputs = new HashMap<>();
  private boolean lastReader;
  private boolean released;

  /**
   * @param resolver resolves what the user typed as INPUT
   * @param tempDir where an input too large to keep in memory is kept
   */
  public OneShotInputs(InputResolver resolver, Path tempDir) {
    this.resolver = resolver;
    this.tempDir = tempDir;
  }

  /** The input {@code spec} names; the same one for every call with the same spec. */
  public synchronized Input get(String spec) {
    RereadableInput input = inputs.get(spec);
    if (input == null) {
      input = newInput(spec);
      inputs.put(spec, input);
    }
    return input.input();
  }

  /**
   * Starts opening {@code spec} now, on a thread of its own, when it is an http(s) URL: its
   * connection and first bytes are then under way while the modules load. Other inputs cost nothing
   * to open and are left to the rule.
   */
  public synchronized void openAhead(String spec) {
    if (!InputResolver.isHttp(spec) || inputs.containsKey(spec)) {
      return;
    }
    RereadableInput input;
    try {
      input = newInput(spec);
    } catch (RuntimeException e) {
      // Not lost: the rule's run resolves the same spec and reports this in its place.
      return;
    }
    inputs.put(spec, input);
    input.openAhead(OneShotInputs::startDaemon);
  }

  private static void startDaemon(Runnable task) {
    Thread thread = new Thread(task, "freshjar-input");
    thread.setDaemon(true);
    thread.start();
  }

  private RereadableInput newInput(String spec) {
    RereadableInput input = new RereadableInput(resolver.resolve(spec), tempDir);
    if (lastReader) {
      input.lastReader();
    }
    if (released) {
      input.release();
    }
    return input;
  }

  /** Another run will read after the one reading now: keep every byte for it. */
  public synchronized void release() {
    released = true;
    inputs.values().forEach(RereadableInput::release);
  }

  /** The run that reads now, or reads next, is the last: nothing more needs keeping. */
  public synchronized void lastReader() {
    lastReader = true;
    inputs.values().forEach(RereadableInput::lastReader);
  }

  /** The system's temporary directory: {@code TMPDIR} if set, else Java's. */
  public static Path defaultTempDir(Map<String, String> env) {
    String tmpdir = env.get("TMPDIR");
    return Path.of(
        tmpdir == null || tmpdir.isBlank() ? System.getProperty("java.io.tmpdir") : tmpdir);
  }

  @Override
  public synchronized void close() {
    for (RereadableInput input : inputs.values()) {
      try {
        input.close();
      } catch (IOException e) {
        // Closing a pipe or a download we finished with: nothing the user could act on.
        throw new UncheckedIOException("closing " + e.getMessage(), e);
      }
    }
  }
}
