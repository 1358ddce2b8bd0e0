package dev.freshjar.launcher.input;

import dev.freshjar.api.Input;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Turns what the user typed as INPUT into a rule {@link Input}: an http(s) URL, a file: URL, a
 * local path, or {@code -} for standard input. Nothing is read until the rule opens it.
 */
public final class InputResolver {
  /** What INPUT may be, for messages. */
  static final String KINDS = "an http(s) URL, a file: URL, a local path, or -";

  // ftp://, s3://, ...: a URL of a kind freshjar does not fetch, rather than a missing file.
  private static final Pattern OTHER_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");

  // bin/freshjar says so when its caller closed standard input: /dev/null then stands in for it,
  // so that no file the JVM opens takes its place, and must not be read as the document.
  private static final boolean STDIN_CLOSED = "closed".equals(System.getProperty("freshjar.stdin"));
  private static final Set<String> STDIN_PATHS =
      Set.of("/dev/stdin", "/dev/fd/0", "/proc/self/fd/0");

  private final InputStream stdin;
  private final InputProgress progress;
  private final HttpDocuments http;
  private final AtomicBoolean stdinTaken = new AtomicBoolean();

  public InputResolver(InputStream stdin) {
    this(stdin, InputProgress.NONE);
  }

  /** Resolves inputs whose reading {@code progress} follows (downloads and local files). */
  public InputResolver(InputStream stdin, InputProgress progress) {
    this.stdin = stdin;
    this.progress = progress;
    this.http = new HttpDocuments(progress);
  }

  /**
   * The input {@code spec} names.
   *
   * @throws CommandFailure (exit 1) when a local file does not exist or the URL is malformed
   */
  public Input resolve(String spec) {
    if (STDIN_CLOSED && (spec.equals("-") || STDIN_PATHS.contains(spec))) {
      throw inputFailure(
          "standard input is closed (<&-), so "
              + spec
              + " has nothing to read; give INPUT a file's path, or redirect the document into"
              + " standard input");
    }
    if (spec.equals("-")) {
      return Input.of("-", this::openStdin, StandardCharsets.UTF_8, -1);
    }
    if (spec.isEmpty()) {
      // Path.of("") is the working directory: without this, "'' is a directory".
      throw inputFailure("INPUT is empty; give " + KINDS + " for standard input");
    }
    try {
      UrlLogin.refuse(spec);
    } catch (IllegalArgumentException e) {
      throw inputFailure(e.getMessage());
    }
    if (isHttp(spec)) {
      return http.input(uri(spec));
    }
    if (spec.toLowerCase(Locale.ROOT).startsWith("file:")) {
      return file(spec, Path.of(uri(spec)));
    }
    if (OTHER_SCHEME.matcher(spec).lookingAt() && !Files.exists(Path.of(spec))) {
      throw inputFailure(
          "'"
              + spec
              + "' is not an input freshjar can read; give "
              + KINDS
              + " for standard input");
    }
    try {
      return file(spec, Path.of(spec));
    } catch (InvalidPathException e) {
      throw inputFailure("'" + spec + "' is not a valid path: " + e.getMessage());
    }
  }

  /** Whether {@code spec} is an http(s) URL. */
  static boolean isHttp(String spec) {
    String lower = spec.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  private InputStream openStdin() throws IOException {
    if (!stdinTaken.compareAndSet(false, true)) {
      throw new IOException("standard input can be read only once");
    }
    // The rule closes what it opens; standard input must stay open for the process.
    return new FilterInputStream(stdin) {
      @Override
      public void close() {}
    };
  }

  private Input file(String spec, Path path) {
    if (Files.isDirectory(path)) {
      throw inputFailure(spec + " is a directory, not a file");
    }
    if (!Files.isReadable(path)) {
      throw inputFailure(Files.exists(path) ? spec + " is not readable" : "no such file: " + spec);
    }
    long size;
    try {
      // A FIFO or a device has no size to tell: its Files.size is 0.
      size = Files.isRegularFile(path) ? Files.size(path) : -1;
    } catch (IOException e) {
      throw inputFailure("cannot read " + spec + ": " + e.getMessage());
    }
    if (!Files.isRegularFile(path)) {
      return Input.of(
          spec,
          () -> progress.watch("read", size, OpenedFile.open(path)),
          StandardCharsets.UTF_8,
          size);
    }
    // A regular file may be read at several offsets at once (rules read large ones in parallel).
    // Progress follows the reader from the first byte: the whole file for a rule that reads it
    // through, the first range for one that splits it among threads.
    Input.RangeOpener file = Input.RangeOpener.of(path);
    return Input.ofSeekable(
        spec,
        offset -> offset == 0 ? progress.watch("read", size, file.open(0)) : file.open(offset),
        StandardCharsets.UTF_8,
        size);
  }

  private static URI uri(String spec) {
    try {
      return new URI(spec);
    } catch (URISyntaxException e) {
      throw inputFailure("'" + spec + "' is not a valid URL: " + e.getMessage());
    }
  }

  private static CommandFailure inputFailure(String message) {
    return new CommandFailure(ExitStatus.RULE_FAILED, message);
  }
}
