package dev.freshjar.launcher.cli;

import dev.freshjar.cache.CacheException;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import java.util.function.Supplier;

/**
 * The failures of the commands that change the cache, as exit statuses: a module or version the
 * cache does not have is the user's to fix (2); a cache that cannot be changed (busy, not writable,
 * damaged) fails the command (1).
 */
final class CacheErrors {
  private CacheErrors() {}

  static <T> T translate(Supplier<T> action) {
    try {
      return action.get();
    } catch (IllegalArgumentException e) {
      throw CommandFailure.usage(e.getMessage());
    } catch (CacheException e) {
      throw new CommandFailure(ExitStatus.RULE_FAILED, e.getMessage(), e);
    }
  }
}
