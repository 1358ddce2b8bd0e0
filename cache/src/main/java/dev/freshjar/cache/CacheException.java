package dev.freshjar.cache;

/** The cache itself cannot be used (cannot create its directory, corrupt record, ...). */
public class CacheException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CacheException(String message, Throwable cause) {
    super(message, cause);
  }

  public CacheException(String message) {
    super(message);
  }
}
