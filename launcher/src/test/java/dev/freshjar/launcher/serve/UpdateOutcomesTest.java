package dev.freshjar.launcher.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.freshjar.cache.Cause;
import dev.freshjar.launcher.modules.ModuleReload;
import dev.freshjar.launcher.modules.OutcomeText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UpdateOutcomesTest {
  @Test
  void eachOutcomeNamesWhatHappenedAndTheVersionServingNow() {
    String answer =
        json(
            new ModuleReload.Unchanged("text", "0.1.0/aaaaaaaaaaaa"),
            new ModuleReload.Updated(
                "greet", Optional.of("1.0/bbbbbbbbbbbb"), "2.0/cccccccccccc", Optional.empty()),
            new ModuleReload.Failed("acme", "HTTP 500", Cause.HTTP_STATUS, "3.1/dddddddddddd"),
            new ModuleReload.Unavailable("gone", "connection refused", Cause.UNREACHABLE));

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
    String answer =
        json(new ModuleReload.Unavailable("evil", "\"}]}\u001b[2J\n<script>", Cause.OTHER));

    assertThat(answer)
        .contains("\"reason\":\"\\\"}]}\\u001B[2J\\n<script>\"")
        .doesNotContain("\u001b")
        .endsWith("}]}\n");
  }

  @ParameterizedTest
  @MethodSource("everyKindOfReload")
  void theOutcomeIsTheTypedStateAndTheMessageIsTheWordsUsedEverywhere(ModuleReload reload)
      throws IOException {
    Map<String, String> module = stringFields(json(reload));

    assertThat(module.get("outcome")).isEqualTo(reload.state().name().toLowerCase(Locale.ROOT));
    assertThat(module.get("message")).isEqualTo(OutcomeText.ofReload(reload));
  }

  static Stream<ModuleReload> everyKindOfReload() {
    return Stream.of(
        new ModuleReload.Unchanged("text", "0.1.0/aaaaaaaaaaaa"),
        new ModuleReload.Updated(
            "greet", Optional.empty(), "2.0/cccccccccccc", Optional.of("HTTP 503 from x")),
        new ModuleReload.Failed("acme", "HTTP 500\u001b[2J", Cause.HTTP_STATUS, "3.1/dddddddddddd"),
        new ModuleReload.Unavailable("gone", "connection refused", Cause.UNREACHABLE));
  }

  /** The string fields of an answer that holds one module. */
  private static Map<String, String> stringFields(String json) throws IOException {
    Map<String, String> fields = new HashMap<>();
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      while (parser.nextToken() != null) {
        if (parser.currentToken() == JsonToken.FIELD_NAME) {
          String name = parser.getCurrentName();
          if (parser.nextToken() == JsonToken.VALUE_STRING) {
            fields.put(name, parser.getText());
          }
        }
      }
    }
    return fields;
  }

  private static String json(ModuleReload... reloads) {
    return new String(UpdateOutcomes.answer(List.of(reloads)), StandardCharsets.UTF_8);
  }
}
