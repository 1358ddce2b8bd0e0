package dev.freshjar.cache;

import java.time.Duration;
import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

/**
 * The HTTP clients of the process, each built on first use: building one costs noticeable startup
 * time, which a run whose modules are all local never pays. Plain-http sources (loopback, or
 * explicitly allowed) get a client without TLS, because setting up TLS (loading the trust store) is
 * the largest part of that cost and a warm start against such a source needs none of it.
 */
public final class SharedHttpClient {
  private SharedHttpClient() {}

  private static OkHttpClient.Builder base() {
    // Redirects are followed by HttpFetch itself, which checks each hop against UrlPolicy.
    return new OkHttpClient.Builder()
        .followRedirects(false)
        .followSslRedirects(false)
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(10));
  }

  private static final class Tls {
    static final OkHttpClient CLIENT = base().build();
  }

  private static final class Cleartext {
    static final OkHttpClient CLIENT =
        base().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
  }

  /**
   * The client for a URL of {@code scheme} ("http" or "https"), shared by the update checks and the
   * launcher's downloads of documents, so that a run builds one client and one connection pool.
   */
  public static OkHttpClient forScheme(String scheme) {
    return "https".equalsIgnoreCase(scheme) ? Tls.CLIENT : Cleartext.CLIENT;
  }
}
