package dev.freshjar.launcher.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.freshjar.launcher.modules.ModuleReload;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /update}'s answer: one object per module. The one place that turns a {@link
 * ModuleReload} into fields, so that it can follow the modules code's outcome types as they grow.
 */
final class UpdateOutcomes {
  private UpdateOutcomes() {}

  /** A module's outcome as fields: what happened, the version serving now, why. */
  record Fields(
      String module,
      String outcome,
      Optional<String> from,
      Optional<String> version,
      Optional<String> reason,
      String message) {}

  static Fields fields(ModuleReload reload) {
    if (reload instanceof ModuleReload.Unchanged unchanged) {
      return new Fields(
          unchanged.module(),
          "unchanged",
          Optional.empty(),
          Optional.of(unchanged.running()),
          Optional.empty(),
          reload.describe());
    }
    if (reload instanceof ModuleReload.Updated updated) {
      return new Fields(
          updated.module(),
          "updated",
          updated.from(),
          Optional.of(updated.to()),
          updated.note(),
          reload.describe());
    }
    if (reload instanceof ModuleReload.Failed failed) {
      return new Fields(
          failed.module(),
          "failed",
          Optional.empty(),
          Optional.of(failed.stillRunning()),
          Optional.of(failed.reason()),
          reload.describe());
    }
    ModuleReload.Unavailable unavailable = (ModuleReload.Unavailable) reload;
    return new Fields(
        unavailable.module(),
        "unavailable",
        Optional.empty(),
        Optional.empty(),
        Optional.of(unavailable.reason()),
        reload.describe());
  }

  /** {@code {"modules": [{"module": ..., "outcome": ..., ...}, ...]}}. */
  static byte[] answer(List<ModuleReload> reloads) {
    return Json.of(
        json -> {
          json.writeStartObject();
          json.writeArrayFieldStart("modules");
          for (ModuleReload reload : reloads) {
            write(fields(reload), json);
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  private static void write(Fields fields, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("module", fields.module());
    json.writeStringField("outcome", fields.outcome());
    if (fields.from().isPresent()) {
      json.writeStringField("from", fields.from().get());
    }
    if (fields.version().isPresent()) {
      json.writeStringField("version", fields.version().get());
    }
    if (fields.reason().isPresent()) {
      json.writeStringField("reason", Json.bounded(fields.reason().get()));
    }
    json.writeStringField("message", Json.bounded(fields.message()));
    json.writeEndObject();
  }
}
