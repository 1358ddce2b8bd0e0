package dev.freshjar.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Whether a stored jar is still the one a module record names: it hashes to its name, and its
 * manifest says what the record says was fetched (title and version), so that a record edited to
 * name another module's jar does not run that code under this module's name. Checked before a jar
 * is handed out to run. A file is hashed once per process while its size, time and inode stay the
 * same (a run checks its modules twice: for the early run, and after the update checks).
 */
final class ObjectIntegrity {
  /** What was found of a file in one state. */
  private record Seen(long size, long modified, Object inode, String sha256, String identity) {}

  private static final Map<Path, Seen> SEEN = new ConcurrentHashMap<>();
  private static final AtomicInteger HASHES = new AtomicInteger();

  private ObjectIntegrity() {}

  /**
   * Why {@code cached}'s stored jar must not run as its module: missing, damaged (another content),
   * or another module's jar; empty when it may.
   */
  static Optional<String> problem(CachedJar cached) {
    return damage(cached).or(() -> foreign(cached));
  }

  /** Why {@code cached}'s stored jar is not the bytes fetched: missing or damaged. */
  static Optional<String> damage(CachedJar cached) {
    Path jar = cached.jar();
    Seen seen;
    try {
      seen = seen(jar);
    } catch (NoSuchFileException e) {
      return Optional.of("its jar " + jar + " is missing");
    } catch (IOException e) {
      return Optional.of("its jar " + jar + " cannot be read: " + e.getMessage());
    }
    if (!seen.sha256().equals(cached.sha256())) {
      return Optional.of(
          "its jar "
              + jar
              + " is damaged: its content hashes to "
              + seen.sha256().substring(0, 12)
              + ", not to its name");
    }
    return Optional.empty();
  }

  /**
   * Why {@code cached}'s stored jar, which hashes to its name, is another module's than the record
   * says; empty when it is the record's, or is missing or damaged (see {@link #damage}).
   */
  static Optional<String> foreign(CachedJar cached) {
    Seen seen;
    try {
      seen = seen(cached.jar());
    } catch (IOException e) {
      return Optional.empty();
    }
    if (!seen.sha256().equals(cached.sha256())) {
      return Optional.empty();
    }
    String module = cached.module();
    Path jar = cached.jar();
    String recorded = identity(cached.title(), cached.version());
    if (!seen.identity().equals(recorded)) {
      return Optional.of(
          "its jar "
              + jar
              + " is not module "
              + module
              + "'s "
              + recorded
              + " but "
              + seen.identity()
              + " (the record names another module's jar)");
    }
    return Optional.empty();
  }

  /** Forgets what was seen of {@code jar}: it was just replaced. */
  static void forget(Path jar) {
    SEEN.remove(jar);
  }

  private static Seen seen(Path jar) throws IOException {
    BasicFileAttributes now = Files.readAttributes(jar, BasicFileAttributes.class);
    long modified = now.lastModifiedTime().toMillis();
    // Hashed inside compute: a thread that asks while another hashes the same jar waits for that
    // hash (a one-shot run checks its jar on two threads at once) instead of hashing it again.
    try {
      return SEEN.compute(
          jar,
          (path, before) -> {
            if (before != null
                && before.size() == now.size()
                && before.modified() == modified
                && Objects.equals(before.inode(), now.fileKey())) {
              return before;
            }
            HASHES.incrementAndGet();
            try {
              String sha = HashingCopy.sha256Of(path);
              return new Seen(now.size(), modified, now.fileKey(), sha, manifestIdentity(path));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** How many times a jar was hashed in this process: for tests. */
  static int hashesMade() {
    return HASHES.get();
  }

  private static String manifestIdentity(Path jar) {
    // Opened directly, not through a URL: nothing lands in the JDK's shared jar-file cache.
    try (JarFile file = new JarFile(jar.toFile(), false)) {
      Manifest manifest = file.getManifest();
      Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
      return identity(
          value(main, Attributes.Name.IMPLEMENTATION_TITLE),
          value(main, Attributes.Name.IMPLEMENTATION_VERSION));
    } catch (IOException e) {
      return "an unreadable jar (" + e.getMessage() + ")";
    }
  }

  private static String identity(String title, String version) {
    return "'" + title + "' version " + (version.isEmpty() ? "?" : version);
  }

  private static String value(Attributes attributes, Attributes.Name name) {
    String v = attributes.getValue(name);
    return v == null ? "" : v.strip();
  }
}
