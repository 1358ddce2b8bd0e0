package dev.freshjar.cache;

import java.nio.file.Path;

/**
 * A test a downloaded jar must pass before it may become current. The cache knows nothing of class
 * loading; the launcher supplies the checks that need its knowledge (declares rules, was built
 * against a compatible API, ...).
 */
@FunctionalInterface
public interface JarCheck {
  /** Accepts every readable jar. */
  JarCheck NONE = jar -> {};

  /**
   * Checks a downloaded jar that is already known to be a readable zip file.
   *
   * @param jar the downloaded file, still in the cache's {@code tmp/}
   * @throws RejectedJarException with a reason a person understands, when the jar must not be used
   */
  void check(Path jar) throws RejectedJarException;
}
