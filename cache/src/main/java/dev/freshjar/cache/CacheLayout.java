package dev.freshjar.cache;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where everything lives under a cache directory (see DESIGN.md, "The cache"). */
record CacheLayout(Path root) {
  private static final Pattern OBJECT = Pattern.compile("([0-9a-f]{64})\\.jar");

  Path objects() {
    return root.resolve("objects");
  }

  Path modules() {
    return root.resolve("modules");
  }

  Path tmp() {
    return root.resolve("tmp");
  }

  /** The content-addressed jar with this hash. */
  Path object(String sha256) {
    return objects().resolve(sha256 + ".jar");
  }

  /** The hash an {@code objects/} file is named by, unless it is not named like an object. */
  static Optional<String> objectSha(Path file) {
    Matcher m = OBJECT.matcher(file.getFileName().toString());
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The module's record. Module names cannot contain '.', so this never collides. */
  Path record(String module) {
    return modules().resolve(module + ".record");
  }

  /**
   * The file whose OS lock keeps gc from deleting jars while refreshes add them. At the root, not
   * in {@code modules/}, where it could be taken for a module's lock.
   */
  Path objectsLock() {
    return root.resolve("objects.lock");
  }

  /** The file whose OS lock guards the read-modify-write of the module's record. */
  Path lock(String module) {
    return modules().resolve(module + ".lock");
  }
}
