package dev.freshjar.launcher.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.modules.ModuleReload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpdateOutcomesTest {
  @Test
  void eachOutcomeNamesWhatHappenedAndTheVersionServingNow() {
    String answer =
        json(
            new ModuleReload.Unchanged("text", "0.1.0/aaaaaaaaaaaa"),
            new ModuleReload.Updated(
                "greet", Optional.of("1.0/bbbbbbbbbbbb"), "2.0/cccccccccccc", Optional.empty()),
            new ModuleReload.Failed("acme", "HTTP 500", "3.1/dddddddddddd"),
            new ModuleReload.Unavailable("gone", "connection refused"));

    assertThat(answer)
        .isEqualTo(
            "{\"modules\":["
                + "{\"module\":\"text\",\"outcome\":\"unchanged\",\"version\":\"0.1.0/aaaaaaaaaaaa\","
                + "\"message\":\"text: unchanged, 0.1.0/aaaaaaaaaaaa\"},"
                + "{\"module\":\"greet\",\"outcome\":\"updated\",\"from\":\"1.0/bbbbbbbbbbbb\","
                + "\"version\":\"2.0/cccccccccccc\","
                + "\"message\":\"greet: updated from 1.0/bbbbbbbbbbbb to 2.0/cccccccccccc\"},"
                + "{\"module\":\"acme\",\"outcome\":\"failed\",\"version\":\"3.1/dddddddddddd\","
                + "\"reason\":\"HTTP 500\","
                + "\"message\":\"acme: failed: HTTP 500; still running 3.1/dddddddddddd\"},"
                + "{\"module\":\"gone\",\"outcome\":\"unavailable\",\"reason\":\"connection refused\","
                + "\"message\":\"gone: unavailable: connection refused\"}]}\n");
  }

  @Test
  void hostileStringsFromAServerAreEscapedByTheJsonLibrary() {
    String answer = json(new ModuleReload.Unavailable("evil", "\"}]}\u001b[2J\n<script>"));

    assertThat(answer)
        .contains("\"reason\":\"\\\"}]}\\u001B[2J\\n<script>\"")
        .doesNotContain("\u001b")
        .endsWith("}]}\n");
  }

  private static String json(ModuleReload... reloads) {
    return new String(UpdateOutcomes.answer(List.of(reloads)), StandardCharsets.UTF_8);
  }
}
