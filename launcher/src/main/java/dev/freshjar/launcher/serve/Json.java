package dev.freshjar.launcher.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The server's own JSON answers (errors, health, updates), written by Jackson so that every string
 * from a module, a server or a client is escaped by the library, never by hand.
 */
final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();
  // A module's exception message can be any length: an error answer stays readable.
  private static final int MESSAGE_LIMIT = 4000;

  private Json() {}

  /** What writes one answer's content. */
  @FunctionalInterface
  interface Content {
    void writeTo(JsonGenerator json) throws IOException;
  }

  /** One JSON value and a newline, as UTF-8. */
  static byte[] of(Content content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
      content.writeTo(json);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory", e);
    }
    bytes.write('\n');
    return bytes.toByteArray();
  }

  /** {@code {"error": MESSAGE, "status": STATUS}}. */
  static byte[] error(int status, String message) {
    return of(
        json -> {
          json.writeStartObject();
          json.writeStringField("error", bounded(message));
          json.writeNumberField("status", status);
          json.writeEndObject();
        });
  }

  static String bounded(String message) {
    if (message == null) {
      return "";
    }
    return message.length() <= MESSAGE_LIMIT
        ? message
        : message.substring(0, MESSAGE_LIMIT) + "... (" + message.length() + " characters)";
  }
}
