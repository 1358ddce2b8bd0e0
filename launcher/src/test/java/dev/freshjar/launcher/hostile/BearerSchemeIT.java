package dev.freshjar.launcher.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.ServeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Authorization: Bearer TOKEN} on a real {@code freshjar serve}: the scheme's case does not
 * matter (RFC 9110, 11.1), the token's always does, also on a connection that already carried the
 * right token (the server's client keeps its connection alive between the requests below).
 */
class BearerSchemeIT {
  @TempDir Path cache;
  @TempDir Path work;

  @ParameterizedTest
  @ValueSource(strings = {"Bearer", "bearer", "BEARER"})
  void theSchemeIsMatchedWhateverItsCaseAndTheTokenExactly(String scheme) throws IOException {
    Path token = Files.writeString(work.resolve("token"), "s3cret-token-value\n");
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
    try (ServeProcess serve =
        ServeProcess.start(Freshjar.withCache(cache), "--token-file", token.toString())) {
      assertThat(
              serve
                  .post("/rules/wc", "a b", "Authorization", scheme + " s3cret-token-value")
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              serve
                  .post("/rules/wc", "a b", "Authorization", scheme + " S3CRET-TOKEN-VALUE")
                  .statusCode())
          .isEqualTo(401);
    }
  }
}
