package dev.freshjar.launcher.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.freshjar.launcher.modules.ModuleReload;
import dev.freshjar.launcher.modules.OutcomeText;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /update}'s answer: one object per module. The outcome is the reload's typed {@link
 * ModuleReload.State}, the versions and reason its own fields, and the message the words {@link
 * OutcomeText} has for it everywhere else (the shell's {@code update}, {@code --watch}).
 */
final class UpdateOutcomes {
  private UpdateOutcomes() {}

  /** {@code {"modules": [{"module": ..., "outcome": ..., ...}, ...]}}. */
  static byte[] answer(List<ModuleReload> reloads) {
    return Json.of(
        json -> {
          json.writeStartObject();
          json.writeArrayFieldStart("modules");
          for (ModuleReload reload : reloads) {
            write(reload, json);
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  /** The documented value of {@code outcome}: the state's name in lower case. */
  static String outcome(ModuleReload.State state) {
    return state.name().toLowerCase(Locale.ROOT);
  }

  private static void write(ModuleReload reload, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("module", reload.module());
    json.writeStringField("outcome", outcome(reload.state()));
    optional(json, "from", from(reload));
    optional(json, "version", version(reload));
    optional(json, "reason", reason(reload));
    json.writeStringField("message", Json.bounded(OutcomeText.ofReload(reload)));
    json.writeEndObject();
  }

  private static void optional(JsonGenerator json, String field, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      json.writeStringField(field, Json.bounded(value.get()));
    }
  }

  /** The version that served before an update. */
  private static Optional<String> from(ModuleReload reload) {
    return reload instanceof ModuleReload.Updated updated ? updated.from() : Optional.empty();
  }

  /** The version serving now, if one is. */
  private static Optional<String> version(ModuleReload reload) {
    if (reload instanceof ModuleReload.Unchanged unchanged) {
      return Optional.of(unchanged.running());
    }
    if (reload instanceof ModuleReload.Updated updated) {
      return Optional.of(updated.to());
    }
    if (reload instanceof ModuleReload.Failed failed) {
      return Optional.of(failed.stillRunning());
    }
    return Optional.empty();
  }

  /** Why the newest version is not serving, or why the source was not used. */
  private static Optional<String> reason(ModuleReload reload) {
    if (reload instanceof ModuleReload.Updated updated) {
      return updated.note();
    }
    if (reload instanceof ModuleReload.Failed failed) {
      return Optional.of(failed.reason());
    }
    if (reload instanceof ModuleReload.Unavailable unavailable) {
      return Optional.of(unavailable.reason());
    }
    return Optional.empty();
  }
}
