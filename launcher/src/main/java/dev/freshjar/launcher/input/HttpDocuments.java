package dev.freshjar.launcher.input;

import dev.freshjar.api.Input;
import dev.freshjar.cache.SharedHttpClient;
import dev.freshjar.launcher.output.Untrusted;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Streams documents named by http(s) URLs, on the process's shared client of the URL's scheme (the
 * update checks' own): a plain-http document never pays for TLS set-up, and a run builds one
 * client, not two.
 */
final class HttpDocuments {
  private final InputProgress progress;

  HttpDocuments(InputProgress progress) {
    this.progress = progress;
  }

  Input input(URI url) {
    return Input.of(url.toString(), () -> open(url), StandardCharsets.UTF_8, -1);
  }

  private static OkHttpClient client(URI url) {
    // Documents follow redirects, as they always have (the checks' client does not: it checks each
    // hop itself); one from http to https is followed by open(), on the TLS client, since the
    // plain-http client has no TLS. newBuilder() shares the connection pool and threads.
    return SharedHttpClient.forScheme(url.getScheme())
        .newBuilder()
        .followRedirects(true)
        .followSslRedirects(false)
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(30))
        .build();
  }

  private InputStream open(URI url) throws IOException {
    Response response = followSchemeChange(get(url));
    ResponseBody body = response.body();
    if (!response.isSuccessful() || body == null) {
      response.close();
      throw new IOException("HTTP " + response.code() + " from " + url);
    }
    // OkHttp decodes the gzip it asked for and drops the header; any other coding left here would
    // be counted as its compressed bytes.
    String encoding = response.header("Content-Encoding");
    if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
      response.close();
      throw new IOException(
          url + " is sent with Content-Encoding " + encoding + ", which freshjar cannot decode");
    }
    MediaType type = body.contentType();
    Charset declared = type == null ? null : type.charset();
    if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
      response.close();
      throw new IOException(url + " is served as " + declared + "; only UTF-8 text is supported");
    }
    return new FilterInputStream(
        progress.watch("download", body.contentLength(), body.byteStream())) {
      private long received;

      @Override
      public int read() throws IOException {
        try {
          int b = super.read();
          received += b < 0 ? 0 : 1;
          return b;
        } catch (EOFException e) {
          throw brokeOff(url, received, e);
        }
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
          int n = super.read(buffer, offset, length);
          received += Math.max(n, 0);
          return n;
        } catch (EOFException e) {
          throw brokeOff(url, received, e);
        }
      }

      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          response.close();
        }
      }
    };
  }

  /** OkHttp's EOFException for a body cut short often has no message at all. */
  private static IOException brokeOff(URI url, long received, EOFException e) {
    return new IOException(
        "the download of " + url + " broke off after " + received + " bytes; try again", e);
  }

  /** The response a redirect to another scheme leads to: OkHttp followed all the others. */
  private static Response followSchemeChange(Response response) throws IOException {
    String location = response.header("Location");
    HttpUrl next = location == null ? null : response.request().url().resolve(location);
    if (response.isRedirect() && location != null && next == null) {
      // file:, ftp:, ...: never followed from a document a server named.
      response.close();
      throw new IOException(
          response.request().url()
              + " redirects to "
              + Untrusted.text(location)
              + ", which freshjar does not follow: it follows redirects only to http and https");
    }
    if (!response.isRedirect() || next == null) {
      return response;
    }
    response.close();
    return get(next.uri());
  }

  private static Response get(URI url) throws IOException {
    try {
      return client(url).newCall(new Request.Builder().url(url.toString()).build()).execute();
    } catch (IOException e) {
      throw new IOException(NetworkProblems.describe(e, url), e);
    }
  }
}
