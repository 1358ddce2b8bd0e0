package dev.freshjar.cache;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The jars this process's checks rejected, by hash, and the ones being checked now: the same bytes
 * are not checked again on every update check (a {@code shell --watch} round), which matters for a
 * jar whose code never finishes loading: each check of it would leave another thread spinning.
 */
final class RejectedJars {
  /** What is known of one jar's bytes under one kind of check. */
  private sealed interface State permits Checking, Rejection {}

  /**
   * A check under way for {@code module}; {@code verdict} completes with the rejection, or null
   * when the jar passed, or exceptionally when the check ended without a verdict.
   */
  private record Checking(String module, String from, CompletableFuture<Rejection> verdict)
      implements State {}

  /** Why a jar was rejected. */
  private record Rejection(String reason, Cause cause) implements State {}

  private static final Map<String, State> BY_SHA = new ConcurrentHashMap<>();

  private RejectedJars() {}

  /**
   * Runs {@code check} on {@code jar} for {@code module} unless the same bytes were rejected
   * before; remembers a rejection. While another module's check of the same bytes runs (two modules
   * that publish one jar), waits for its verdict, which the check's own bound limits. A module
   * whose own earlier check is still running (a later {@code --watch} round over a jar whose code
   * does not finish loading) is refused at once.
   */
  static void check(String module, String sha256, Path jar, JarCheck check, String from)
      throws RefreshFailure {
    // The same bytes may pass one check and fail another (tests use several).
    String key = sha256 + " " + check.getClass().getName();
    while (true) {
      Checking mine = new Checking(module, from, new CompletableFuture<>());
      State before = BY_SHA.putIfAbsent(key, mine);
      if (before instanceof Rejection rejection) {
        throw new RefreshFailure(
            rejection.reason()
                + " (remembered: the same jar was rejected before, and is not checked again)",
            rejection.cause());
      }
      if (before instanceof Checking other) {
        if (other.module().equals(module)) {
          throw new RefreshFailure(
              "rejected: an earlier check of the same jar from "
                  + other.from()
                  + " is still running its code; it is not checked twice at once",
              Cause.LOAD_HUNG);
        }
        awaitVerdict(other);
        continue; // it passed, or ended without a verdict: this module checks the jar itself
      }
      run(key, mine, jar, check, from);
      return;
    }
  }

  private static void awaitVerdict(Checking other) throws RefreshFailure {
    try {
      other.verdict().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RefreshFailure(
          "interrupted while waiting for the check of the same jar from " + other.from(),
          e,
          Cause.INTERRUPTED);
    } catch (ExecutionException e) {
      // No verdict: the next round of the loop checks the jar itself.
    }
  }

  private static void run(String key, Checking mine, Path jar, JarCheck check, String from)
      throws RefreshFailure {
    try {
      check.check(jar);
      BY_SHA.remove(key, mine);
      mine.verdict().complete(null);
    } catch (RejectedJarException e) {
      Rejection rejection =
          new Rejection(
              "rejected: " + e.getMessage() + " in " + from,
              e.hung() ? Cause.LOAD_HUNG : Cause.REJECTED);
      BY_SHA.put(key, rejection);
      mine.verdict().complete(rejection);
      throw new RefreshFailure(rejection.reason(), e, rejection.cause());
    } catch (RuntimeException | Error e) {
      BY_SHA.remove(key, mine);
      mine.verdict().completeExceptionally(e);
      throw e;
    }
  }
}
