package dev.freshjar.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NearMissTest {
  static final List<String> NAMES =
      List.of("rules", "modules", "update", "shell", "cache", "wc", "top", "histogram");

  @ParameterizedTest
  @CsvSource({
    "updte, update", // a letter left out
    "uppdate, update", // one too many
    "tpo, top", // two neighbours swapped
    "modlues, modules",
    "rule, rules",
    "histgoram, histogram"
  })
  void aTypoFindsTheNameMeant(String typed, String meant) {
    assertThat(NearMiss.closest(typed, NAMES)).contains(meant);
  }

  @ParameterizedTest
  @CsvSource({"frobnicate", "x", "ls", "zzz"})
  void aWordFarFromEveryNameFindsNone(String typed) {
    assertThat(NearMiss.closest(typed, NAMES)).isEmpty();
  }

  @Test
  void theHintIsEmptyWithoutACloseName() {
    assertThat(NearMiss.hint("frobnicate", NAMES)).isEmpty();
    assertThat(NearMiss.hint("updte", NAMES)).isEqualTo(" (did you mean 'update'?)");
  }
}
