package dev.freshjar.launcher.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshjar.cache.ModuleCache;
import dev.freshjar.cache.ModuleSource;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import dev.freshjar.launcher.fixtures.Fixtures;
import dev.freshjar.launcher.modules.RuleLine.Syntax;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The words after a rule's name, parsed against the real text-utils module's {@code top}. */
class RuleLineTest {
  @TempDir Path cacheDir;
  ModuleSet modules;
  ModuleRule top;
  ModuleRule wc;

  @BeforeEach
  void loadTextUtils() {
    List<ModuleSource> sources = List.of(ModuleSource.of("text", Fixtures.textUtilsJar().toUri()));
    ModuleCache cache = ModuleCache.open(cacheDir);
    modules =
        ModuleSet.load(
            sources,
            new Refresher(cache, java.time.Duration.ofSeconds(30))
                .refreshAll(sources, Refresher.Mode.CHECK));
    top = modules.rules().resolve("top");
    wc = modules.rules().resolve("wc");
  }

  @AfterEach
  void close() {
    modules.close();
  }

  RuleLine oneShot(ModuleRule rule, String... words) {
    return RuleLine.parse(rule, List.of(words), Syntax.OPTIONS, Map.of());
  }

  RuleLine shell(ModuleRule rule, String... words) {
    return RuleLine.parse(rule, List.of(words), Syntax.OPTIONS_OR_POSITIONS, Map.of());
  }

  String usageFailure(Runnable parse) {
    try {
      parse.run();
    } catch (CommandFailure failure) {
      assertThat(failure.status()).isEqualTo(ExitStatus.USAGE);
      return failure.getMessage();
    }
    throw new AssertionError("the words were accepted");
  }

  @Nested
  class OnTheCommandLine {
    @Test
    void anInputAloneTakesEveryDefault() {
      RuleLine line = oneShot(top, "book.txt");

      assertThat(line.input()).isEqualTo("book.txt");
      assertThat(line.arguments().integer("n")).isEqualTo(10);
      assertThat(line.helpRequested()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n 3|book.txt", "-n=3|book.txt", "-n3|book.txt", "book.txt|-n|3"})
    void anOptionIsReadInEveryUsualFormAndPlace(String joined) {
      RuleLine line = oneShot(top, joined.replace(' ', '|').split("\\|"));

      assertThat(line.arguments().integer("n")).isEqualTo(3);
      assertThat(line.input()).isEqualTo("book.txt");
    }

    @Test
    void aDashIsStandardInputNotAnOption() {
      assertThat(oneShot(wc, "-").input()).isEqualTo("-");
    }

    @Test
    void aDoubleDashEndsTheOptionsSoAnInputMayStartWithADash() {
      assertThat(oneShot(top, "-n", "2", "--", "-odd-name.txt").input()).isEqualTo("-odd-name.txt");
    }

    @Test
    void helpIsRecognisedAnywhereAndCarriesTheUsage() {
      RuleLine line = oneShot(top, "book.txt", "--help");

      assertThat(line.helpRequested()).isTrue();
      assertThat(line.usage())
          .startsWith("Usage: freshjar top [-h] [-n=N] INPUT\n")
          .contains("(text:top, ")
          .contains("-n=N")
          .contains("(default: 10)")
          .contains("or - for standard input.");
    }

    @Test
    void anUnknownOptionIsRefusedWithTheUsage() {
      assertThat(usageFailure(() -> oneShot(top, "-x", "book.txt")))
          .startsWith("unknown option '-x'\n")
          .contains("Usage: freshjar top");
    }

    @Test
    void anOptionWithoutItsValueIsRefused() {
      assertThat(usageFailure(() -> oneShot(top, "book.txt", "-n")))
          .startsWith("top: -n needs a value (N)");
    }

    @Test
    void anOptionGivenTwiceIsRefused() {
      assertThat(usageFailure(() -> oneShot(top, "-n", "1", "-n", "2", "book.txt")))
          .isEqualTo("top: -n is given twice");
    }

    @Test
    void noInputIsRefused() {
      assertThat(usageFailure(() -> oneShot(top, "-n", "2"))).startsWith("top: no INPUT given\n");
    }

    @Test
    void aValueBeforeTheInputIsRefusedBecauseOnlyTheShellTakesThem() {
      assertThat(usageFailure(() -> oneShot(top, "5", "book.txt")))
          .startsWith("top takes one INPUT, not 5 book.txt\n");
    }

    @Test
    void aValueTheParameterRefusesNamesTheRule() {
      assertThat(usageFailure(() -> oneShot(top, "-n", "many", "book.txt"))).startsWith("top: ");
    }
  }

  @Nested
  class InTheShell {
    @Test
    void valuesBeforeTheInputFillTheParametersInOrder() {
      RuleLine line = shell(top, "4", "book.txt");

      assertThat(line.arguments().integer("n")).isEqualTo(4);
      assertThat(line.input()).isEqualTo("book.txt");
    }

    @Test
    void aPresetReplacesTheDefaultAndIsNamedWhenItIsWrong() {
      RuleLine line =
          RuleLine.parse(top, List.of("book.txt"), Syntax.OPTIONS_OR_POSITIONS, Map.of("n", "7"));
      assertThat(line.arguments().integer("n")).isEqualTo(7);

      assertThat(
              usageFailure(
                  () ->
                      RuleLine.parse(
                          top,
                          List.of("book.txt"),
                          Syntax.OPTIONS_OR_POSITIONS,
                          Map.of("n", "zero"))))
          .endsWith("(from 'set n')");
    }

    @Test
    void aValueGivenAsOptionAndPositionIsRefused() {
      assertThat(usageFailure(() -> shell(top, "-n", "2", "3", "book.txt")))
          .isEqualTo("top: n is given twice, as an option and a value");
    }

    @Test
    void moreValuesThanParametersAreRefused() {
      assertThat(usageFailure(() -> shell(top, "2", "3", "book.txt")))
          .startsWith("top takes at most 1 value(s) before INPUT, not 2 3 book.txt\n");
    }

    @Test
    void theUsageShowsThatValuesMayPrecedeTheInput() {
      assertThat(shell(top, "-h").usage()).startsWith("Usage: top [-h] [-n=N] [N] INPUT\n");
    }
  }

  @Test
  void aRuleWithoutParametersTakesOnlyItsInput() {
    assertThat(shell(wc, "book.txt").input()).isEqualTo("book.txt");
    assertThat(usageFailure(() -> shell(wc, "3", "book.txt")))
        .startsWith("wc takes one INPUT, not 3 book.txt");
    assertThatThrownBy(() -> oneShot(wc, "-n", "3", "book.txt"))
        .hasMessageStartingWith("unknown option '-n'");
  }
}
