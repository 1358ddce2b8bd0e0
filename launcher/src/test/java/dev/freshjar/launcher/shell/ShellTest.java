package dev.freshjar.launcher.shell;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.cache.ModuleCache;
import dev.freshjar.cache.ModuleSource;
import dev.freshjar.launcher.fixtures.Fixtures;
import dev.freshjar.launcher.fixtures.JarServer;
import dev.freshjar.launcher.fixtures.ModuleJar;
import dev.freshjar.launcher.modules.LiveModules;
import dev.freshjar.launcher.modules.Refresher;
import dev.freshjar.launcher.output.Format;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The shell's commands, in process, reading a script as from a pipe. */
class ShellTest {
  @RegisterExtension static JarServer server = new JarServer();

  static byte[] boomJar;

  @TempDir Path dir;
  Path text;

  @BeforeAll
  static void buildModules() {
    boomJar =
        ModuleJar.named("boom")
            .rule(
                "boom.Boom",
                """
                package boom;
                import dev.freshjar.api.*;
                public class Boom implements Rule {
                  public String name() { return "boom"; }
                  public String summary() { return "always fails"; }
                  public Table apply(Input input, Arguments arguments) {
                    throw new IllegalStateException("the rule broke");
                  }
                }
                """)
            .rule(
                "boom.Seekable",
                """
                package boom;
                import dev.freshjar.api.*;
                public class Seekable implements Rule {
                  public String name() { return "seekable"; }
                  public String summary() { return "whether the input may be read at any offset"; }
                  public Table apply(Input input, Arguments arguments) {
                    return Table.builder(Column.text("seekable"))
                        .row(String.valueOf(input.isSeekable()))
                        .build();
                  }
                }
                """)
            .bytes();
  }

  @BeforeEach
  void writeText() throws IOException {
    text = Files.writeString(dir.resolve("text.txt"), "b a b c b a\n");
  }

  record Session(int status, String out, String err) {}

  Session run(String script) throws IOException {
    Path boom = Files.write(dir.resolve("boom.jar"), boomJar);
    List<ModuleSource> sources =
        List.of(
            ModuleSource.of("text", Fixtures.textUtilsJar().toUri()),
            ModuleSource.of("boom", boom.toUri()));
    Refresher refresher =
        new Refresher(ModuleCache.open(dir.resolve("cache")), Duration.ofSeconds(30));
    StringWriter out = new StringWriter();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (LiveModules modules =
        LiveModules.open(sources, refresher.refreshAll(sources, Refresher.Mode.CHECK))) {
      Shell shell =
          new Shell(
              modules,
              new Shell.Options(
                  refresher, Refresher.Mode.CHECK, Format.TEXT, Optional.empty(), Map.of()),
              new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
              new PrintWriter(out),
              new PrintStream(err, true, StandardCharsets.UTF_8));
      int status = shell.run();
      return new Session(status, out.toString(), err.toString(StandardCharsets.UTF_8));
    }
  }

  String docUrl() {
    return server.baseUrl() + "/doc.txt";
  }

  @Nested
  class Commands {
    @Test
    void helpListsEveryRuleWithItsValuesAndEveryCommand() throws IOException {
      Session session = run("help\n");

      assertThat(session.out())
          .contains("top [N] INPUT", "wc INPUT", "boom INPUT")
          .contains("update, U", "rules", "modules", "set [NAME VALUE]", "docs", "drop URL")
          .contains("refetch URL", "help", "quit, Q")
          .doesNotContain("W INPUT", "H INPUT");
    }

    @Test
    void theOneLetterCommandsKeepWorkingButTheLauncherNamesNoRule() throws IOException {
      Session session = run("set format tsv\nW " + text + "\nU\nQ\nwc " + text);

      assertThat(session.out())
          .startsWith("text: unchanged, 0.1.0/")
          .containsPattern("\nboom: unchanged, 1\\.0/[0-9a-f]{12}\n$");
      assertThat(session.err())
          .isEqualTo("error: line 2: unknown command 'W'; type help for the commands and rules\n");
    }

    @Test
    void anUnknownCommandPointsAtHelp() throws IOException {
      Session session = run("updte\n");

      assertThat(session.err())
          .isEqualTo(
              "error: line 1: unknown command 'updte'; type help for the commands and rules\n");
      assertThat(session.status()).isEqualTo(2);
    }

    @Test
    void aRulesValuesGoBeforeInputInDeclarationOrderOrAsOptions() throws IOException {
      Session session = run("top 1 " + text + "\ntop -n 1 " + text + "\n");

      assertThat(session.out()).isEqualTo("word  count\nb         3\n".repeat(2));
    }

    @Test
    void setFormatChangesHowEveryLaterResultIsPrinted() throws IOException {
      Session session = run("top 1 " + text + "\nset format json\ntop 1 " + text + "\n");

      assertThat(session.out())
          .isEqualTo("word  count\nb         3\n[{\"word\":\"b\",\"count\":3}]\n");
    }

    @Test
    void setNGivesEveryRuleWithAParameterNItsDefaultUntilSetBack() throws IOException {
      Session session =
          run(
              "set format tsv\nset n 1\ntop "
                  + text
                  + "\ntop 2 "
                  + text
                  + "\nset n default\ntop "
                  + text);

      assertThat(session.out())
          .isEqualTo(
              "word\tcount\nb\t3\n"
                  + "word\tcount\nb\t3\na\t2\n"
                  + "word\tcount\nb\t3\na\t2\nc\t1\n");
    }

    @Test
    void setAloneListsTheSettingsAndABadValueChangesNothing() throws IOException {
      Session session = run("set n -1\nset format xml\nset colour red\nset format tsv\nset\n");

      assertThat(session.out()).isEqualTo("setting\tvalue\nformat\ttsv\nn\tdefault\n");
      assertThat(session.err())
          .contains("error: line 1: n must be a whole number of at least 0")
          .contains("error: line 2: unknown format 'xml'; use text, tsv or json")
          .contains("error: line 3: no setting 'colour'; settings: format, n");
      assertThat(session.status()).isEqualTo(2);
    }

    @Test
    void rulesAndModulesListWhatIsLoaded() throws IOException {
      Session session = run("set format tsv\nrules\nmodules\n");

      assertThat(session.out())
          .contains("rule\tmodule\ttitle\tversion\tsigned\tsummary\tsource\n")
          .contains("text:top\ttext\ttext-utils\t0.1.0/")
          .contains("boom:boom\tboom\tboom\t1.0/")
          .contains("module\tversion\tsha256\tsigned\tsource\tstate\tfetched\n")
          .containsPattern("\nboom\t1\\.0\t[0-9a-f]{12}\tunsigned\tfile:.*\tfresh\t");
    }

    @Test
    void aQuotedWordStaysOneWordAndCommentsAndBlankLinesAreSkipped() throws IOException {
      Path spaced = Files.writeString(dir.resolve("a b.txt"), "x y\n");

      Session session = run("# a comment\n\nset format tsv\n  \nwc '" + spaced + "'\n");

      assertThat(session.out()).isEqualTo("lines\twords\tchars\tbytes\n1\t2\t4\t4\n");
      assertThat(session.status()).isZero();
    }

    @Test
    void aRulesHelpShowsItsValuesAndOptions() throws IOException {
      Session session = run("top --help\n");

      assertThat(session.out())
          .startsWith("Usage: top [-h] [-n=N] [N] INPUT\n")
          .contains("how many words to show (default: 10)");
    }
  }

  @Nested
  class Documents {
    @BeforeEach
    void serveDocument() {
      server.stubFor(get("/doc.txt").willReturn(aResponse().withBody("q r q\n")));
    }

    @Test
    void aDocumentIsFetchedOnceAndReusedByLaterCommands() throws IOException {
      Session session =
          run("set format tsv\ntop " + docUrl() + "\nwc " + docUrl() + "\nhistogram " + docUrl());

      assertThat(session.out())
          .isEqualTo(
              "word\tcount\nq\t2\nr\t1\nlines\twords\tchars\tbytes\n1\t3\t6\t6\n"
                  + "word\tcount\nq\t2\nr\t1\n");
      server.verify(1, getRequestedFor(urlEqualTo("/doc.txt")));
    }

    @Test
    void aFetchedCopyIsSeekableSoThatALargeOneIsCountedOnEveryCore() throws IOException {
      Session session = run("set format tsv\nseekable " + docUrl() + "\nseekable " + docUrl());

      assertThat(session.out()).isEqualTo("seekable\ntrue\nseekable\ntrue\n");
    }

    @Test
    void docsListsTheFetchedDocuments() throws IOException {
      Session session = run("set format tsv\nwc " + docUrl() + "\ndocs\n");

      assertThat(session.out()).containsPattern("document\tbytes\tfetched\n" + docUrl() + "\t6\t");
    }

    @Test
    void refetchDownloadsItAgainAndDropForgetsIt() throws IOException {
      Session session =
          run(
              "wc "
                  + docUrl()
                  + "\nrefetch "
                  + docUrl()
                  + "\ndrop "
                  + docUrl()
                  + "\nwc "
                  + docUrl()
                  + "\nset format tsv\ndocs\n");

      assertThat(session.out())
          .contains("fetched " + docUrl() + " (6 bytes)\n")
          .contains("dropped " + docUrl() + "\n");
      server.verify(3, getRequestedFor(urlEqualTo("/doc.txt")));
      assertThat(session.status()).isZero();
    }

    @Test
    void aDocumentThatCannotBeFetchedFailsOnlyItsCommand() throws IOException {
      server.stubFor(get("/gone.txt").willReturn(aResponse().withStatus(404)));

      Session session = run("wc " + server.baseUrl() + "/gone.txt\nset format tsv\nwc " + text);

      assertThat(session.err())
          .isEqualTo(
              "error: line 1: cannot fetch "
                  + server.baseUrl()
                  + "/gone.txt: HTTP 404 from "
                  + server.baseUrl()
                  + "/gone.txt\n");
      assertThat(session.out()).isEqualTo("lines\twords\tchars\tbytes\n1\t6\t12\t12\n");
      assertThat(session.status()).isEqualTo(1);
    }

    @Test
    void standardInputCannotBeAnInputSinceItCarriesTheCommands() throws IOException {
      Session session = run("wc -\n");

      assertThat(session.err()).contains("standard input carries the shell's commands");
      assertThat(session.status()).isEqualTo(2);
    }

    @Test
    void droppingADocumentNeverFetchedSaysHowToListThem() throws IOException {
      Session session = run("drop " + docUrl() + "\n");

      assertThat(session.err()).contains("is not a fetched document; 'docs' lists them");
    }
  }

  @Nested
  class Failures {
    @Test
    void aRuleThatThrowsIsReportedAndTheSessionGoesOn() throws IOException {
      Session session = run("boom " + text + "\nset format tsv\nwc " + text + "\n");

      assertThat(session.err())
          .matches(
              "error: line 1: boom:boom \\(1\\.0/[0-9a-f]{12}\\) failed:"
                  + " java\\.lang\\.IllegalStateException: the rule broke\n");
      assertThat(session.out()).isEqualTo("lines\twords\tchars\tbytes\n1\t6\t12\t12\n");
      assertThat(session.status()).isEqualTo(1);
    }

    @Test
    void theExitStatusIsThatOfTheFirstCommandThatFailed() throws IOException {
      Session session = run("nonsense\nboom " + text + "\nwc no-such-file\n");

      assertThat(session.status()).isEqualTo(2);
      assertThat(session.err()).contains("line 1: unknown command 'nonsense'");
    }

    @Test
    void aCommandGivenArgumentsItDoesNotTakeIsAUsageError() throws IOException {
      Session session = run("rules everything\n");

      assertThat(session.err())
          .isEqualTo("error: line 1: rules takes no arguments, not everything\n");
      assertThat(session.status()).isEqualTo(2);
    }

    @Test
    void anUnclosedQuoteIsAUsageError() throws IOException {
      Session session = run("wc 'half\n");

      assertThat(session.err()).isEqualTo("error: line 1: unclosed quote in: wc 'half\n");
    }

    @Test
    void quitEndsTheSessionAndTheRestIsNotRun() throws IOException {
      Session session = run("quit\nnonsense\n");

      assertThat(session.status()).isZero();
      assertThat(session.err()).isEmpty();
    }
  }
}
