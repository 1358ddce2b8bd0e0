package dev.freshjar.textutils;

import static dev.freshjar.textutils.Texts.top;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.freshjar.api.Arguments;
import dev.freshjar.api.Input;
import dev.freshjar.api.Parameter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopRuleTest {
  private static final String HEADER = "word\tcount\n";

  @Test
  void declaresNDefaultingToTenAndAtLeastZero() {
    assertEquals(
        List.of(Parameter.integer("n", "how many words to show", 10, 0)),
        new TopRule().parameters());
  }

  @Test
  void showsTheNMostFrequentWords() throws IOException {
    assertEquals(HEADER + "b\t3\na\t2\n", top(2, "a b c b a b"));
  }

  @Test
  void breaksTiesAtTheCutByCodePoint() throws IOException {
    assertEquals(HEADER + "B\t1\na\t1\n", top(2, "c b a B"));
  }

  @Test
  void showsOnlyTheHeaderForTopZero() throws IOException {
    assertEquals(HEADER, top(0, "a b c"));
  }

  @Test
  void showsEveryWordWhenNExceedsTheNumberOfWords() throws IOException {
    assertEquals(HEADER + "a\t2\nb\t1\n", top(Long.MAX_VALUE, "a b a"));
  }

  @Test
  void refusesANegativeN() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new TopRule()
                .apply(Input.ofBytes("test", new byte[0]), Arguments.of(Map.of("n", "-1"))));
  }
}
