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
 */
record Settings(long maxJarBytes, Duration lockWait, Supplier<OkHttpClient> httpClient) {
  static final Settings DEFAULTS = new Settings(64L * 1024 * 1024, Duration.ofSeconds(30), null);

  Settings withMaxJarBytes(long bytes) {
    return new Settings(bytes, lockWait, httpClient);
  }

  Settings withLockWait(Duration wait) {
    return new Settings(maxJarBytes, wait, httpClient);
  }

  Settings withHttpClient(Supplier<OkHttpClient> client) {
    return new Settings(maxJarBytes, lockWait, client);
  }
}
