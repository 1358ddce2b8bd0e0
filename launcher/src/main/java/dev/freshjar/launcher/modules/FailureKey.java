package dev.freshjar.launcher.modules;

import dev.freshjar.cache.CachedJar;
import dev.freshjar.cache.Cause;
import dev.freshjar.cache.Refresh;
import java.util.Optional;

/**
 * What a failure is, for telling whether it was already announced ({@code shell --watch}): its
 * typed cause and the jar it leaves running, not its words, which carry what a server said (a
 * status line, a byte count) and may differ from one check to the next.
 *
 * @param cause why the source was not used
 * @param running the hash of the jar that runs meanwhile, if any
 */
public record FailureKey(Cause cause, Optional<String> running) {
  /** The key of a refresh that did not use its source. */
  public static FailureKey of(Refresh refresh) {
    Cause cause =
        refresh instanceof Refresh.Fallback f
            ? f.cause()
            : refresh instanceof Refresh.Unavailable u ? u.cause() : Cause.OTHER;
    return new FailureKey(cause, refresh.jar().map(CachedJar::sha256));
  }
}
