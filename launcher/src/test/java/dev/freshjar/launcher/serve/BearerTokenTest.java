package dev.freshjar.launcher.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshjar.launcher.CommandFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BearerTokenTest {
  @TempDir Path dir;

  @Test
  void admitsTheTokenOfTheFilesFirstLineOnly() throws IOException {
    BearerToken token = BearerToken.read(Files.writeString(dir.resolve("t"), "  abc123 \nrest\n"));

    assertThat(token.admits("Bearer abc123")).isTrue();
    assertThat(token.admits("Bearer abc124")).isFalse();
    assertThat(token.admits("Bearer abc1234")).isFalse();
    assertThat(token.admits("Basic abc123")).isFalse();
    assertThat(token.admits("bearer abc123")).as("the scheme is case-insensitive").isTrue();
    assertThat(token.admits("Bearer ABC123")).isFalse();
    assertThat(token.admits(null)).isFalse();
  }

  @Test
  void anEmptyOrMissingFileIsAUsageErrorNamingIt() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty"), "\n  \n");

    assertThatThrownBy(() -> BearerToken.read(empty))
        .isInstanceOf(CommandFailure.class)
        .hasMessageContaining("holds no token");
    assertThatThrownBy(() -> BearerToken.read(dir.resolve("missing")))
        .isInstanceOf(CommandFailure.class)
        .hasMessageContaining("missing");
  }
}
