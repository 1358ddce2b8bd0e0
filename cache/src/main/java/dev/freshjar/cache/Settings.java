package dev.freshjar.cache;

import java.time.Duration;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The cache's limits. Production uses {@link #DEFAULTS}; tests shrink them to stay fast.
 *
 * @param maxJarBytes the largest jar accepted
 * @param lockWait how long a refresh waits for another process to finish updating a module
 * @param httpClient the client to use instead of the process's shared one, or null
 * @param maxInflatedBytes how many bytes all of a jar's entries may inflate to, together
 * @param maxEntries how many entries a jar may have
 */
record Settings(
    long maxJarBytes,
    Duration lockWait,
    Supplier<OkHttpClient> httpClient,
    long maxInflatedBytes,
    int maxEntries) {
  /**
   * A jar may hold at most 64 MiB, inflate to at most 1 GiB in all and have at most 200,000
   * entries: several times the largest real module jars, and about two seconds of inflating.
   */
  static final Settings DEFAULTS =
      new Settings(64L * 1024 * 1024, Duration.ofSeconds(30), null, 1L << 30, 200_000);

  Settings withMaxJarBytes(long bytes) {
    return new Settings(bytes, lockWait, httpClient, maxInflatedBytes, maxEntries);
  }

  Settings withLockWait(Duration wait) {
    return new Settings(maxJarBytes, wait, httpClient, maxInflatedBytes, maxEntries);
  }

  Settings withHttpClient(Supplier<OkHttpClient> client) {
    return new Settings(maxJarBytes, lockWait, client, maxInflatedBytes, maxEntries);
  }

  Settings withMaxInflatedBytes(long bytes) {
    return new Settings(maxJarBytes, lockWait, httpClient, bytes, maxEntries);
  }

  Settings withMaxEntries(int entries) {
    return new Settings(maxJarBytes, lockWait, httpClient, maxInflatedBytes, entries);
  }
}
