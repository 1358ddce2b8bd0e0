package dev.freshjar.launcher.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModuleHeaderTest {
  @Test
  void printableAsciiStaysAsItIs() {
    assertThat(ModuleHeader.encode("text-utils_1.0.0+b7")).isEqualTo("text-utils_1.0.0+b7");
  }

  @Test
  void whatAHeaderCannotCarryIsPercentEncoded() {
    assertThat(ModuleHeader.encode("1.0\r\nSet-Cookie: x")).isEqualTo("1.0%0D%0ASet-Cookie:%20x");
    assertThat(ModuleHeader.encode("é/%")).isEqualTo("%C3%A9%2F%25");
  }

  @Test
  void aLongValueIsCutBetweenWholeCharacters() {
    String encoded = ModuleHeader.encode("1.0" + "\u00e9".repeat(ModuleHeader.MAX_PART));

    assertThat(encoded)
        .startsWith("1.0%C3%A9")
        .endsWith("%A9...")
        .hasSizeLessThanOrEqualTo(ModuleHeader.MAX_PART + 3);
  }
}
