package dev.freshjar.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.freshjar.launcher.fixtures.Fixtures;
import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code freshjar completion bash|zsh}, loaded into a real shell and asked what TAB would offer,
 * the way bash asks: the completion function {@code complete} registered for {@code freshjar},
 * called with {@code COMP_WORDS} and {@code COMP_CWORD} set.
 */
class CompletionIT {
  @TempDir Path dir;
  Path script;

  @BeforeEach
  void generate() throws IOException {
    Result run =
        Freshjar.withCache(dir.resolve("cache"))
            .option("--module", "text=" + Fixtures.textUtilsJar())
            .run("completion", "bash");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    script = Files.writeString(dir.resolve("freshjar.bash"), run.stdout());
  }

  /**
   * What bash offers for TAB at the end of {@code line}; a trailing space starts a new word (quoted
   * in the tables below, which otherwise trim it).
   */
  String offered(String line) throws Exception {
    String query =
        "source "
            + script
            + " 2>/dev/null\n"
            + "function=$(complete -p freshjar | sed -E 's/.*-F ([^ ]+).*/\\1/')\n"
            + "read -ra COMP_WORDS <<< \"$LINE\"\n"
            + "case $LINE in *' ') COMP_WORDS+=('') ;; esac\n"
            + "COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE=$LINE; COMP_POINT=${#LINE}\n"
            + "\"$function\" freshjar \"${COMP_WORDS[COMP_CWORD]}\" 2>/dev/null\n"
            + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    return shell(List.of("bash", "-c", query), line);
  }

  String shell(List<String> command, String line) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("LINE", line);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }

  @Nested
  class InBash {
    @ParameterizedTest(name = "''{0}'' offers {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "freshjar upd|update",
          "freshjar to|top",
          "freshjar hist|histogram",
          "freshjar --fo|--format",
          "'freshjar --format '|text tsv json",
          "'freshjar cache '|gc verify",
          "'freshjar modules pin '|text",
          "'freshjar --offline modules history '|text"
        })
    void completesCommandsRulesOptionsAndModules(String line, String words) throws Exception {
      assertThat(offered(line).lines()).containsExactlyInAnyOrder(words.split(" "));
    }

    @Test
    void offersARulesOwnOptionsAfterADash() throws Exception {
      assertThat(offered("freshjar top -").lines()).contains("-n");
      assertThat(offered("freshjar --format json top -").lines()).contains("-n");
    }

    @Test
    void offersEveryCommandAndRuleAtTheStart() throws Exception {
      assertThat(offered("freshjar ").lines())
          .contains("update", "rules", "shell", "help", "completion", "wc", "top", "histogram");
    }
  }

  /**
   * In zsh, through its bash-completion emulation (bashcompinit), which the script loads: the
   * completion registered for {@code freshjar}, asked with bashcompinit's {@code compgen -F} as its
   * {@code _bash_complete} does. zsh itself then keeps the words that start with what was typed.
   */
  @Nested
  class InZsh {
    Path zshScript;

    @BeforeEach
    void generate() throws Exception {
      assumeTrue(
          new ProcessBuilder("sh", "-c", "command -v zsh").start().waitFor() == 0,
          "zsh is not installed");
      Result run =
          Freshjar.withCache(dir.resolve("cache"))
              .option("--module", "text=" + Fixtures.textUtilsJar())
              .run("completion", "zsh");
      assertThat(run.exitCode()).as(run.toString()).isZero();
      zshScript = Files.writeString(dir.resolve("freshjar.zsh"), run.stdout());
    }

    String offered(String line) throws Exception {
      String query =
          "source "
              + zshScript
              + " >/dev/null 2>&1\n"
              + "[[ ${_comps[freshjar]} == *_complete_freshjar* ]] || exit 3\n"
              + "local -a words COMP_WORDS COMPREPLY; local CURRENT COMP_CWORD COMP_LINE COMP_POINT\n"
              + "words=( ${(z)LINE} ); [[ $LINE == *' ' ]] && words+=( '' )\n"
              + "CURRENT=$#words; COMP_LINE=$LINE; COMP_POINT=$#LINE\n"
              + "(( COMP_CWORD = CURRENT - 1 )); COMP_WORDS=( \"${words[@]}\" )\n"
              + "compgen -F _complete_freshjar -- \"${words[CURRENT]}\" 2>/dev/null\n";
      return shell(List.of("zsh", "-fc", query), line);
    }

    @ParameterizedTest(name = "''{0}'' offers {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "freshjar top -|-n",
          "'freshjar --format '|json",
          "'freshjar modules pin '|text",
          "freshjar upd|update",
          "freshjar to|top"
        })
    void completesCommandsRulesOptionsAndModules(String line, String word) throws Exception {
      assertThat(offered(line).lines()).contains(word);
    }
  }

  @Test
  void anUnknownShellIsAUsageErrorNamingTheKnownOnes() {
    Result run = Freshjar.withCache(dir.resolve("cache")).run("completion", "fish");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("bash or zsh");
  }
}
