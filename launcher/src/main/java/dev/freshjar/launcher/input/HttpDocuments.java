package dev.freshjar.launcher.input;

import dev.freshjar.api.Input;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Streams documents named by http(s) URLs; the client is built on first use only. */
final class HttpDocuments {
  private final InputProgress progress;
  private OkHttpClient client;

  HttpDocuments(InputProgress progress) {
    this.progress = progress;
  }

  Input input(URI url) {
    return Input.of(url.toString(), () -> open(url), StandardCharsets.UTF_8, -1);
  }

  private synchronized OkHttpClient client() {
    if (client == null) {
      client =
          new OkHttpClient.Builder()
              .connectTimeout(Duration.ofSeconds(10))
              .readTimeout(Duration.ofSeconds(30))
              .build();
    }
    return client;
  }

  private InputStream open(URI url) throws IOException {
    Request request = new Request.Builder().url(url.toString()).build();
    Response response;
    try {
      response = client().newCall(request).execute();
    } catch (IOException e) {
      throw new IOException(NetworkProblems.describe(e, url), e);
    }
    ResponseBody body = response.body();
    if (!response.isSuccessful() || body == null) {
      response.close();
      throw new IOException("HTTP " + response.code() + " from " + url);
    }
    MediaType type = body.contentType();
    Charset declared = type == null ? null : type.charset();
    if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
      response.close();
      throw new IOException(url + " is served as " + declared + "; only UTF-8 text is supported");
    }
    return new FilterInputStream(
        progress.watch("download", body.contentLength(), body.byteStream())) {
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
}
