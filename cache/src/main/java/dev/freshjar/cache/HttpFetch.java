package dev.freshjar.cache;

import dev.freshjar.cache.maven.MavenArtifact;
import dev.freshjar.cache.maven.RepositoryCredentials;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One conditional GET of a module's jar (or plain GET of its signature), following redirects itself
 * so that every hop is checked against {@link UrlPolicy} and counted. The whole exchange, redirects
 * and body included, is bounded by a deadline the caller sets from the source's timeout.
 */
final class HttpFetch {
  static final int MAX_REDIRECTS = 5;

  private static final Map<Integer, String> REASONS =
      Map.of(
          400, "Bad Request",
          401, "Unauthorized",
          403, "Forbidden",
          404, "Not Found",
          410, "Gone",
          429, "Too Many Requests",
          500, "Internal Server Error",
          502, "Bad Gateway",
          503, "Service Unavailable",
          504, "Gateway Timeout");

  private final Function<String, OkHttpClient> clients;

  private HttpFetch(Function<String, OkHttpClient> clients) {
    this.clients = clients;
  }

  /** A fetcher using {@code client}, or the process's shared clients when that is null. */
  static HttpFetch create(Supplier<OkHttpClient> client) {
    if (client == null) {
      return new HttpFetch(SharedHttpClient::forScheme);
    }
    OkHttpClient given = client.get();
    return new HttpFetch(scheme -> given);
  }

  /**
   * Asks {@code start} for a version newer than the one {@code validators} identify (for any
   * version when they are empty), downloading it into {@code into} under that directory's limit.
   *
   * @param source the module, for its policy and timeout
   * @param start the URL to ask: the source's, or its signature's
   * @param deadlineNanos when, by {@link System#nanoTime()}, the exchange must be over
   */
  FetchOutcome fetch(
      ModuleSource source, URI start, Validators validators, long deadlineNanos, TmpDir into)
      throws RefreshFailure {
    Duration timeout = source.timeout();
    URI url = httpUrl(start).uri();
    Set<URI> visited = new HashSet<>();
    visited.add(url);
    for (int redirects = 0; ; ) {
      long remaining = deadlineNanos - System.nanoTime();
      if (remaining <= 0) {
        throw timedOut(source, url, null);
      }
      Call call = bounded(url, timeout).newCall(request(url, validators, source));
      call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
      Response response;
      try {
        response = call.execute();
      } catch (IOException e) {
        throw requestFailure(e, url, source);
      }
      try (response) {
        if (response.isRedirect()) {
          URI next = redirectTarget(response, url);
          UrlPolicy.checkRedirect(url, next, source);
          if (!visited.add(next)) {
            throw new RefreshFailure(
                "redirect loop: " + url + " redirects back to " + next + " (from " + start + ")");
          }
          if (++redirects > MAX_REDIRECTS) {
            throw new RefreshFailure(
                "too many redirects: more than " + MAX_REDIRECTS + " from " + start);
          }
          url = next;
          continue;
        }
        if (response.code() == 304 && !validators.isEmpty()) {
          // A 304 may carry fresher validators for the same content (RFC 9110, 15.4.5).
          return new FetchOutcome.Unchanged(validators(response, validators));
        }
        if (response.code() != 200) {
          int code = response.code();
          throw new RefreshFailure(
              "HTTP " + code + " " + reason(response) + " from " + url,
              Cause.HTTP_STATUS,
              code,
              Optional.of(url));
        }
        return download(response, url, source, into);
      }
    }
  }

  /** Shares the scheme's client's connections and threads, with this source's timeouts. */
  private OkHttpClient bounded(URI url, Duration timeout) {
    return clients
        .apply(url.getScheme())
        .newBuilder()
        .followRedirects(false)
        .followSslRedirects(false)
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .build();
  }

  private static Request request(URI url, Validators validators, ModuleSource source) {
    Request.Builder request =
        new Request.Builder().url(url.toString()).header("User-Agent", "freshjar");
    // A private repository's credentials go to that repository only: checked on every hop, so a
    // redirect to another host (a CDN, an attacker) never carries them.
    // No lambdas: this runs on every start, and a lambda's first use costs milliseconds.
    if (source.maven().isPresent()) {
      MavenArtifact maven = source.maven().get();
      if (maven.credentials().isPresent()
          && RepositoryCredentials.mayReceive(maven.repository(), url)) {
        request.header("Authorization", maven.credentials().get().authorization());
      }
    }
    // A record written before validators were checked may hold one that cannot be sent.
    Validators sendable = validators.sendable();
    sendable.etag().ifPresent(v -> request.header("If-None-Match", v));
    sendable.lastModified().ifPresent(v -> request.header("If-Modified-Since", v));
    return request.build();
  }

  private static FetchOutcome download(Response response, URI url, ModuleSource source, TmpDir tmp)
      throws RefreshFailure {
    ResponseBody body = response.body();
    long declared = body.contentLength();
    if (declared > tmp.limit()) {
      throw tmp.tooLarge(url);
    }
    TmpDir.Received received =
        tmp.receive(
            DownloadProgress.watch(source.name(), url, declared, body.byteStream()),
            url,
            (e, got) -> {
              if (e instanceof InterruptedIOException) {
                return timedOut(source, url, e);
              }
              String expected = declared >= 0 ? "expected " + declared + " bytes, " : "";
              return new RefreshFailure(
                  "truncated body from "
                      + url
                      + " ("
                      + expected
                      + "got "
                      + got
                      + " bytes: "
                      + message(e)
                      + ")",
                  e);
            });
    if (received.bytes() == 0 || (declared >= 0 && received.bytes() != declared)) {
      received.file().close();
      throw new RefreshFailure(
          received.bytes() == 0
              ? "empty body from " + url
              : "truncated body from "
                  + url
                  + " (expected "
                  + declared
                  + " bytes, got "
                  + received.bytes()
                  + ")");
    }
    return new FetchOutcome.Downloaded(
        received.file(),
        received.sha256(),
        url,
        Optional.ofNullable(response.header("Content-Type")),
        validators(response, Validators.NONE));
  }

  private static Validators validators(Response response, Validators otherwise) {
    Validators sent =
        new Validators(
                Optional.ofNullable(response.header("ETag")),
                Optional.ofNullable(response.header("Last-Modified")))
            .sendable();
    return new Validators(
        sent.etag().or(otherwise::etag), sent.lastModified().or(otherwise::lastModified));
  }

  private static HttpUrl httpUrl(URI url) throws RefreshFailure {
    HttpUrl parsed = HttpUrl.parse(url.toString());
    if (parsed == null) {
      throw new RefreshFailure("cannot fetch " + url + ": not a valid http(s) URL");
    }
    return parsed;
  }

  private static URI redirectTarget(Response response, URI from) throws RefreshFailure {
    String location = response.header("Location");
    if (location == null) {
      throw new RefreshFailure(
          "HTTP " + response.code() + " from " + from + " redirects without a Location header");
    }
    // Null for a malformed target or one that is not http(s), e.g. file:
    HttpUrl target = response.request().url().resolve(location);
    if (target == null) {
      throw new RefreshFailure(
          "refused a redirect from " + from + " to " + location + ": not an http(s) URL");
    }
    return target.uri();
  }

  private static RefreshFailure requestFailure(IOException e, URI url, ModuleSource source) {
    String host = url.getHost();
    if (e instanceof InterruptedIOException) {
      return timedOut(source, url, e);
    }
    if (e instanceof UnknownHostException) {
      return new RefreshFailure("unknown host " + host + " (fetching " + url + ")", e);
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return new RefreshFailure(
          "cannot reach host " + host + " (" + rootMessage(e) + ") fetching " + url, e);
    }
    if (e instanceof SSLException) {
      return new RefreshFailure(
          "secure connection to " + host + " failed (" + message(e) + ") fetching " + url, e);
    }
    return new RefreshFailure("cannot fetch " + url + ": " + message(e), e);
  }

  private static RefreshFailure timedOut(ModuleSource source, URI url, IOException cause) {
    if (Thread.currentThread().isInterrupted()) {
      // OkHttp reports an interrupt like a timeout; the caller gave up, the server did not.
      return new RefreshFailure("interrupted while fetching " + url, cause, Cause.INTERRUPTED);
    }
    return new RefreshFailure(
        "timed out after "
            + Durations.format(source.timeout())
            + " fetching "
            + url
            + "; raise 'timeout' in the module's section of the configuration file to wait longer",
        cause,
        Cause.TIMED_OUT);
  }

  private static String reason(Response response) {
    String message = response.message();
    return message.isBlank() ? REASONS.getOrDefault(response.code(), "") : message;
  }

  private static String message(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** "Connection refused" rather than OkHttp's "Failed to connect to host/addr:port". */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = message(root);
    return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
  }
}
