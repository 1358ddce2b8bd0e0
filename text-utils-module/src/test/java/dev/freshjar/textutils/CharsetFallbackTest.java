package dev.freshjar.textutils;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.freshjar.api.Arguments;
import dev.freshjar.api.Input;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An input that declares another charset is decoded with it, not as UTF-8. */
class CharsetFallbackTest {

  private static Input input(byte[] bytes, Charset charset) {
    return Input.of("test", () -> new ByteArrayInputStream(bytes), charset, bytes.length);
  }

  @Test
  void decodesLatin1WhereByteA0IsANoBreakSpace() throws IOException {
    byte[] latin1 = Texts.bytes("caf\\xe9\\xa0caf\\xe9 na\\xefve\n");
    Input text = input(latin1, StandardCharsets.ISO_8859_1);

    assertEquals(
        List.of(List.of(1L, 3L, 16L, 16L)), new WcRule().apply(text, Arguments.none()).rows());
    assertEquals(
        List.of(List.of("café", 2L), List.of("naïve", 1L)),
        new HistogramRule().apply(text, Arguments.none()).rows());
  }

  @Test
  void countsTheInputsOwnBytesForUtf16() throws IOException {
    byte[] utf16 = "a b\n\uD834\uDD1E".getBytes(StandardCharsets.UTF_16);
    assertEquals(
        List.of(List.of(1L, 3L, 5L, (long) utf16.length)),
        new WcRule().apply(input(utf16, StandardCharsets.UTF_16), Arguments.none()).rows());
  }

  @Test
  void replacesMalformedInputOfTheDeclaredCharset() throws IOException {
    // A dangling odd byte at the end of UTF-16BE.
    byte[] utf16 = {0, 'a', 0, ' ', 0, 'b', 'c'};
    assertEquals(
        List.of(List.of("a", 1L), List.of("b\uFFFD", 1L)),
        new TopRule()
            .apply(input(utf16, StandardCharsets.UTF_16BE), Arguments.of(Map.of("n", "5")))
            .rows());
  }
}
