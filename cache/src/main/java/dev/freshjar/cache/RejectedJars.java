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
  /** Why a jar was rejected. */
  private record Rejection(String reason, Cause cause) {}

  private static final Rejection CHECKING = new Rejection("", Cause.REJECTED);
  private static final Map<String, Rejection> BY_SHA = new ConcurrentHashMap<>();

  private RejectedJars() {}

  /**
   * Runs {@code check} on {@code jar} unless the same bytes were rejected before or are being
   * checked on another thread; remembers a rejection.
   */
  static void check(String sha256, Path jar, JarCheck check, String from) throws RefreshFailure {
    // The same bytes may pass one check and fail another (tests use several).
    String key = sha256 + " " + check.getClass().getName();
    Rejection before = BY_SHA.putIfAbsent(key, CHECKING);
    if (before == CHECKING) {
      throw new RefreshFailure(
          "rejected: an earlier check of the same jar from "
              + from
              + " is still running its code; it is not checked twice at once",
          Cause.LOAD_HUNG);
    }
    if (before != null) {
      throw new RefreshFailure(
          before.reason()
              + " (remembered: the same jar was rejected before, and is not checked again)",
          before.cause());
    }
    try {
      check.check(jar);
      BY_SHA.remove(key, CHECKING);
    } catch (RejectedJarException e) {
      Rejection rejection =
          new Rejection(
              "rejected: " + e.getMessage() + " in " + from,
              e.hung() ? Cause.LOAD_HUNG : Cause.REJECTED);
      BY_SHA.put(key, rejection);
      throw new RefreshFailure(rejection.reason(), e, rejection.cause());
    } catch (RuntimeException | Error e) {
      BY_SHA.remove(key, CHECKING);
      throw e;
    }
  }
}
