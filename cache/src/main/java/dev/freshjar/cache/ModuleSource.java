package dev.freshjar.cache;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a module's jar is published, and how it may be fetched.
 *
 * @param name the module's name: lower-case ASCII letters, digits and {@code -}, starting with a
 *     letter; it names the module's record in the cache
 * @param url an {@code https:}, {@code file:} or (see {@code allowPlainHttp}) {@code http:} URL
 * @param allowPlainHttp whether plain {@code http:} is allowed to a host that is not loopback
 * @param timeout the overall bound on one fetch of this module (connect, headers and body)
 */
public record ModuleSource(String name, URI url, boolean allowPlainHttp, Duration timeout) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

  /** The overall fetch bound used when a module's configuration names none. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public ModuleSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(timeout, "timeout");
    requireValidName(name);
  }

  /** Whether {@code name} is a valid module name. */
  static boolean isValidName(String name) {
    return NAME.matcher(name).matches();
  }

  /**
   * Module names become file names in the cache, so they are checked wherever they enter.
   *
   * @throws IllegalArgumentException saying what a valid name looks like
   */
  public static void requireValidName(String name) {
    if (!isValidName(name)) {
      throw new IllegalArgumentException(
          "module name '"
              + name
              + "' must be lower-case letters, digits and '-', starting with a letter");
    }
  }

  /** A source with the default policy: no plain http beyond loopback, the default timeout. */
  public static ModuleSource of(String name, URI url) {
    return new ModuleSource(name, url, false, DEFAULT_TIMEOUT);
  }
}
