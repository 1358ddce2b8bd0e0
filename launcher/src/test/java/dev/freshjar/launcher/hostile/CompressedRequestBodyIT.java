package dev.freshjar.launcher.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.ServeProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request body sent compressed ({@code Content-Encoding: gzip}) is refused with 415, never
 * counted as if its compressed bytes were the document: that would be a wrong answer with status
 * 200.
 */
class CompressedRequestBodyIT {
  @TempDir Path cache;

  @Test
  void aGzippedBodyIsRefusedNotMiscounted() throws IOException {
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
      out.write("a b c a\n".getBytes(StandardCharsets.UTF_8));
    }
    try (ServeProcess serve = ServeProcess.start(Freshjar.withCache(cache))) {
      HttpResponse<String> answer =
          serve.post("/rules/wc", gzipped.toByteArray(), "Content-Encoding", "gzip");

      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(415);
      assertThat(answer.body()).contains("Content-Encoding gzip").contains("uncompressed");
    }
  }

  @Test
  void anIdentityEncodedBodyIsCountedAsItIs() {
    try (ServeProcess serve = ServeProcess.start(Freshjar.withCache(cache))) {
      HttpResponse<String> answer =
          serve.post("/rules/wc", "a b c a\n", "Content-Encoding", "identity");

      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("[{\"lines\":1,\"words\":4,\"chars\":8,\"bytes\":8}]\n");
    }
  }
}
