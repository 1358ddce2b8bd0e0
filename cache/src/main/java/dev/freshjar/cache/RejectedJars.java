package dev.freshjar.cache;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The jars this process's checks rejected, by hash, and the ones being checked now: the same bytes
 * are not checked again on every update check (a {@code shell --watch} round), which matters for a
 * jar whose code never finishes loading: each check of it would leave another thread spinning.
 */
final class RejectedJars {
  private static final String CHECKING = "";
  private static final Map<String, String> BY_SHA = new ConcurrentHashMap<>();

  private RejectedJars() {}

  /**
   * Runs {@code check} on {@code jar} unless the same bytes were rejected before or are being
   * checked on another thread; remembers a rejection.
   */
  static void check(String sha256, Path jar, JarCheck check, String from) throws RefreshFailure {
    // The same bytes may pass one check and fail another (tests use several).
    String key = sha256 + " " + check.getClass().getName();
    String before = BY_SHA.putIfAbsent(key, CHECKING);
    if (before != null) {
      throw new RefreshFailure(
          before == CHECKING
              ? "rejected: an earlier check of the same jar from "
                  + from
                  + " is still running its code; it is not checked twice at once"
              : before
                  + " (remembered: the same jar was rejected before, and is not checked again)",
          Cause.REJECTED);
    }
    try {
      check.check(jar);
      BY_SHA.remove(key, CHECKING);
    } catch (RejectedJarException e) {
      String reason = "rejected: " + e.getMessage() + " in " + from;
      BY_SHA.put(key, reason);
      throw new RefreshFailure(reason, e, e.hung() ? Cause.LOAD_HUNG : Cause.REJECTED);
    } catch (RuntimeException | Error e) {
      BY_SHA.remove(key, CHECKING);
      throw e;
    }
  }
}
