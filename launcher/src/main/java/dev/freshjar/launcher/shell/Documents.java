package dev.freshjar.launcher.shell;

import dev.freshjar.api.Column;
import dev.freshjar.api.Input;
import dev.freshjar.api.Table;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import dev.freshjar.launcher.input.InputResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The documents a session has fetched: an http(s) input is downloaded once, into a temporary
 * directory of the session's own, and every later command on the same URL reads that copy. Local
 * files are read afresh each time. The directory goes when the session ends.
 */
final class Documents implements AutoCloseable {
  private final InputResolver resolver;
  private final Map<String, Document> fetched = new LinkedHashMap<>();
  private final Thread cleanup = new Thread(this::deleteAll, "freshjar-shell-cleanup");
  private Path dir;
  private long downloads;

  /** A document downloaded in this session. */
  record Document(String url, Path file, long bytes, Instant fetchedAt) {
    Input input() {
      // A copy on disk: seekable, so a rule may count a large one on every core.
      return Input.ofSeekable(url, Input.RangeOpener.of(file), StandardCharsets.UTF_8, bytes);
    }
  }

  Documents(InputResolver resolver) {
    this.resolver = resolver;
  }

  /**
   * The input a command names: a fetched copy for an http(s) URL (fetching it on first use), the
   * file itself otherwise.
   *
   * @throws CommandFailure (exit 1) when the document cannot be had, (exit 2) for {@code -}
   */
  Input input(String spec) {
    if (spec.equals("-")) {
      throw CommandFailure.usage(
          "standard input carries the shell's commands; give a file or URL, not -");
    }
    if (!remote(spec)) {
      return resolver.resolve(spec);
    }
    Document document = fetched.get(spec);
    return (document != null ? document : fetch(spec)).input();
  }

  /** Fetches a document again; the old copy stays if that fails. */
  Document refetch(String spec) {
    if (!remote(spec)) {
      throw CommandFailure.usage(
          spec + " is not an http(s) URL; local files are read afresh by every command anyway");
    }
    Document old = fetched.remove(spec);
    try {
      Document fresh = fetch(spec);
      if (old != null) {
        delete(old.file());
      }
      return fresh;
    } catch (RuntimeException e) {
      if (old != null) {
        fetched.put(spec, old);
      }
      throw e;
    }
  }

  /** Forgets a fetched document and deletes its copy. */
  void drop(String spec) {
    Document document = fetched.remove(spec);
    if (document == null) {
      throw CommandFailure.usage(spec + " is not a fetched document; 'docs' lists them");
    }
    delete(document.file());
  }

  Table table() {
    Table.Builder table =
        Table.builder(Column.text("document"), Column.integer("bytes"), Column.text("fetched"));
    for (Document document : fetched.values()) {
      table.row(document.url(), document.bytes(), document.fetchedAt().toString());
    }
    return table.build();
  }

  /** The URLs of the fetched documents, for completion. */
  List<String> urls() {
    return List.copyOf(fetched.keySet());
  }

  private Document fetch(String spec) {
    Input remote = resolver.resolve(spec);
    Path file = directory().resolve("doc-" + ++downloads);
    Download download = Download.start(remote, file);
    try {
      long bytes = download.await();
      Document document =
          new Document(spec, file, bytes, Instant.now().truncatedTo(ChronoUnit.SECONDS));
      fetched.put(spec, document);
      return document;
    } catch (InterruptedException e) {
      download.cancel();
      throw new CommandFailure(
          ExitStatus.RULE_FAILED, "download of " + spec + " cancelled; nothing of it was kept");
    } catch (IOException e) {
      throw new CommandFailure(
          ExitStatus.RULE_FAILED, "cannot fetch " + spec + ": " + e.getMessage(), e);
    }
  }

  private Path directory() {
    if (dir == null) {
      try {
        dir = Files.createTempDirectory("freshjar-shell-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a temporary directory for documents", e);
      }
      // A session ended by a signal still leaves no copies behind.
      Runtime.getRuntime().addShutdownHook(cleanup);
    }
    return dir;
  }

  private static boolean remote(String spec) {
    String lower = spec.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  @Override
  public void close() {
    if (dir == null) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook deletes the directory.
      return;
    }
    fetched.clear();
    deleteAll();
  }

  private void deleteAll() {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(Documents::delete);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the session's documents in " + dir, e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }
}
