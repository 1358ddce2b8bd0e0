package dev.freshjar.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RuleNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"top", "wc", "count-lines", "a", "rule2", "x-1-y"})
  void acceptsLowerCaseLettersDigitsAndDashesStartingWithALetter(String name) {
    assertTrue(RuleNames.isValid(name));
    assertEquals(name, RuleNames.check(name));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {"Top", "count_lines", "2top", "-top", "top words", "tóp", "top:x", "top\n", "TOP"})
  void refusesAnythingElse(String name) {
    assertFalse(RuleNames.isValid(name));
  }

  @Test
  void checkNamesTheBadNameAndTheFormInItsMessage() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RuleNames.check("Count_Lines"));
    assertTrue(e.getMessage().contains("'Count_Lines'"), e.getMessage());
    assertTrue(e.getMessage().contains(RuleNames.FORM), e.getMessage());
  }

  @Test
  void checkShowsControlCharactersEscaped() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RuleNames.check("top\u001b[2J"));
    assertFalse(e.getMessage().contains("\u001b"), e.getMessage());
  }
}
