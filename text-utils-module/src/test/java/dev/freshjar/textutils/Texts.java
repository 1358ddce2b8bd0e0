package dev.freshjar.textutils;

import dev.freshjar.api.Arguments;
import dev.freshjar.api.Input;
import dev.freshjar.api.Rule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs rules on small texts written in the tests, for results that read like the specification. */
final class Texts {
  private Texts() {}

  static String wc(byte[] text) throws IOException {
    return run(new WcRule(), text, Arguments.none());
  }

  static String wc(String text) throws IOException {
    return wc(text.getBytes(StandardCharsets.UTF_8));
  }

  static String histogram(byte[] text) throws IOException {
    return run(new HistogramRule(), text, Arguments.none());
  }

  static String histogram(String text) throws IOException {
    return histogram(text.getBytes(StandardCharsets.UTF_8));
  }

  static String top(long n, String text) throws IOException {
    return run(
        new TopRule(), text.getBytes(StandardCharsets.UTF_8), Arguments.of(Map.of("n", "" + n)));
  }

  /** Bytes written as in Python: {@code \xNN} for a byte, everything else as UTF-8. */
  static byte[] bytes(String escaped) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < escaped.length(); i++) {
      if (escaped.startsWith("\\x", i)) {
        out.write(Integer.parseInt(escaped.substring(i + 2, i + 4), 16));
        i += 3;
      } else {
        int end = i + Character.charCount(escaped.codePointAt(i));
        out.writeBytes(escaped.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end - 1;
      }
    }
    return out.toByteArray();
  }

  private static String run(Rule rule, byte[] text, Arguments arguments) throws IOException {
    return Tsv.of(rule.apply(Input.ofBytes("test", text), arguments));
  }
}
