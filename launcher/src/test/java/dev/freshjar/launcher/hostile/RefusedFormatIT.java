package dev.freshjar.launcher.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.ServeProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code q=0} in an {@code Accept} header means "not acceptable" (RFC 9110, 12.4.2): a client that
 * refuses JSON and names nothing else gets 406, not JSON.
 */
class RefusedFormatIT {
  @TempDir Path cache;

  @Test
  void aClientThatRefusesEveryFormatGets406() {
    try (ServeProcess serve = ServeProcess.start(Freshjar.withCache(cache))) {
      HttpResponse<String> answer =
          serve.post("/rules/wc", "a b", "Accept", "application/json;q=0");

      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(406);
    }
  }
}
