package dev.freshjar.cache.maven;

/** Something a Maven repository sent, or a module's Maven settings, cannot be used. */
public final class MavenException extends Exception {
  private static final long serialVersionUID = 1L;

  MavenException(String reason) {
    super(reason);
  }

  MavenException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
