package dev.freshjar.textutils;

import dev.freshjar.api.Input;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Seekable inputs over bytes in memory, as freshjar offers a local file. */
final class Seekable {
  private Seekable() {}

  static Input of(byte[] bytes) {
    return Input.ofSeekable(
        "seekable", offset -> at(bytes, offset), StandardCharsets.UTF_8, bytes.length);
  }

  static InputStream at(byte[] bytes, long offset) {
    return new ByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset);
  }
}
