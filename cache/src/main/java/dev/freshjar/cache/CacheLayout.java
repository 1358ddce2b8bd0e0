package dev.freshjar.cache;

import java.nio.file.Path;

/** Where everything lives under a cache directory (see DESIGN.md, "The cache"). */
record CacheLayout(Path root) {

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

  /** The module's record. Module names cannot contain '.', so this never collides. */
  Path record(String module) {
    return modules().resolve(module + ".record");
  }

  /** The file whose OS lock guards the read-modify-write of the module's record. */
  Path lock(String module) {
    return modules().resolve(module + ".lock");
  }
}
