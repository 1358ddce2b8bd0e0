package dev.freshjar.cache;

import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * The one HTTP client of the process, built on first use: building it costs noticeable startup
 * time, which a run whose modules are all local never pays.
 */
final class SharedHttpClient {
  private SharedHttpClient() {}

  private static final class Holder {
    // Redirects are followed by HttpFetch itself, which checks each hop against UrlPolicy.
    static final OkHttpClient CLIENT =
        new OkHttpClient.Builder()
            .followRedirects(false)
            .followSslRedirects(false)
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(10))
            .build();
  }

  static OkHttpClient get() {
    return Holder.CLIENT;
  }
}
