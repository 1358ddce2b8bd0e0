package dev.freshjar.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.freshjar.cache.ModuleSource;
import dev.freshjar.cache.trust.AuthorKey;
import dev.freshjar.cache.trust.SigningKey;
import dev.freshjar.launcher.fixtures.Freshjar;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigFileTest {
  static final Path FILE = Path.of("conf", "modules.conf");
  static final AuthorKey KEY = SigningKey.generate().publicKey();

  static List<ModuleSource> parse(String text) throws ConfigException {
    return ConfigFile.parse(FILE, text);
  }

  @Nested
  class AGoodFile {
    @Test
    void configuresOneModulePerSectionInTheOrderOfTheFile() throws Exception {
      List<ModuleSource> modules =
          parse(
              """
              [module acme]
              url = https://rules.acme.example/acme-rules.jar
              allow-http = true
              timeout = 2s

              [module tax-2024]
              url = https://tax.example/rules/tax.jar
              timeout = 500ms
              """);

      assertThat(modules)
          .containsExactly(
              new ModuleSource(
                  "acme",
                  URI.create("https://rules.acme.example/acme-rules.jar"),
                  true,
                  Duration.ofSeconds(2)),
              new ModuleSource(
                  "tax-2024",
                  URI.create("https://tax.example/rules/tax.jar"),
                  false,
                  Duration.ofMillis(500)));
    }

    @Test
    void aModuleMayTrustAnAuthorsKeyAndPinAJarsHash() throws Exception {
      String sha = "9F2C" + "ab".repeat(30);

      List<ModuleSource> modules =
          parse(
              """
              [module acme]
              url = https://a.example/r.jar
              key = %s   # Acme's key, from their web site
              sha256 = %s
              """
                  .formatted(KEY.text(), sha));

      assertThat(modules)
          .containsExactly(
              ModuleSource.of("acme", URI.create("https://a.example/r.jar"))
                  .withAuthorKey(KEY)
                  .withExpectedSha256(sha.toLowerCase(java.util.Locale.ROOT)));
    }

    @Test
    void optionsNotGivenTakeTheirDefaults() throws Exception {
      List<ModuleSource> modules = parse("[module acme]\nurl = https://a.example/r.jar\n");

      assertThat(modules)
          .containsExactly(ModuleSource.of("acme", URI.create("https://a.example/r.jar")));
      assertThat(modules.get(0).allowPlainHttp()).isFalse();
      assertThat(modules.get(0).timeout()).isEqualTo(ModuleSource.DEFAULT_TIMEOUT);
      assertThat(modules.get(0).expectedSha256()).isEmpty();
      assertThat(modules.get(0).authorKey()).isEmpty();
    }

    @Test
    void blankLinesAndCommentsAreIgnoredAndAHashStartsACommentOnlyAfterASpace() throws Exception {
      List<ModuleSource> modules =
          parse(
              """
              # freshjar modules

                 # an indented comment
              [module acme]   # Acme's rules
              url = https://a.example/r.jar#v2   # the first '#' is part of the URL
              timeout = 3s # three seconds
              """);

      assertThat(modules)
          .containsExactly(
              new ModuleSource(
                  "acme", URI.create("https://a.example/r.jar#v2"), false, Duration.ofSeconds(3)));
    }

    @Test
    void aPathIsRelativeToTheFilesDirectory() throws Exception {
      List<ModuleSource> modules = parse("[module local]\nurl = jars/local.jar\n");

      assertThat(modules.get(0).url())
          .isEqualTo(FILE.toAbsolutePath().getParent().resolve("jars/local.jar").toUri());
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreAccepted() throws Exception {
      List<ModuleSource> modules =
          parse("\uFEFF[module acme]\r\nurl = https://a.example/r.jar\r\ntimeout = 1s\r\n");

      assertThat(modules.get(0).timeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aFileWithoutSectionsConfiguresNoModules() throws Exception {
      assertThat(parse("# nothing yet\n")).isEmpty();
      assertThat(parse("")).isEmpty();
    }

    @Test
    void theCommentedExampleInTheRepositoryIsValid() throws Exception {
      Path example = Freshjar.home().resolve("docs/modules.conf.example");

      assertThat(ConfigFile.read(example))
          .extracting(ModuleSource::name)
          .containsExactly("text", "acme", "tax", "acme-maven");
    }
  }

  static Stream<Arguments> badFiles() {
    String acme = "[module acme]\nurl = https://a.example/r.jar\n";
    return Stream.of(
        argumentSet(
            "an option line without '='",
            "[module acme]\nurl https://a.example/r.jar\n",
            "conf/modules.conf:2: 'url https://a.example/r.jar' is not an option line; write KEY ="
                + " VALUE, e.g. url = https://example.org/rules.jar"),
        argumentSet(
            "an option line without a key",
            "[module acme]\n= https://a.example/r.jar\n",
            "conf/modules.conf:2: '= https://a.example/r.jar' has no key before '='; write KEY ="
                + " VALUE, e.g. url = https://example.org/rules.jar"),
        argumentSet(
            "an option outside any module section",
            "url = https://a.example/r.jar\n[module acme]\n",
            "conf/modules.conf:1: 'url = https://a.example/r.jar' is outside any module section;"
                + " put it under a header such as [module acme]"),
        argumentSet(
            "a header of an unknown kind of section",
            "[modul acme]\n",
            "conf/modules.conf:1: '[modul acme]' is not a section header; write [module NAME]"),
        argumentSet(
            "a header without its closing bracket",
            "# modules\n[module acme\n",
            "conf/modules.conf:2: '[module acme' is not a section header; write [module NAME]"),
        argumentSet(
            "a header without a module name",
            "[module]\n",
            "conf/modules.conf:1: '[module]' is not a section header; write [module NAME]"),
        argumentSet(
            "a bad module name",
            "[module Acme_Rules]\nurl = https://a.example/r.jar\n",
            "conf/modules.conf:1: module name 'Acme_Rules' must be lower-case letters, digits and"
                + " '-', starting with a letter; rename it, e.g. [module acme]"),
        argumentSet(
            "a module defined twice",
            acme + "\n[module acme]\nurl = https://b.example/r.jar\n",
            "conf/modules.conf:4: module acme is already defined at line 1; merge the two"
                + " sections, or rename one"),
        argumentSet(
            "an unknown option",
            acme + "tiemout = 5s\n",
            "conf/modules.conf:3: unknown option 'tiemout' in module acme; the options are url,"
                + " allow-http, timeout, sha256, key, maven, repository, versions, pre-releases,"
                + " server"),
        argumentSet(
            "an option set twice",
            acme + "url = https://b.example/r.jar\n",
            "conf/modules.conf:3: option url of module acme is already set at line 2; keep one of"
                + " the two lines"),
        argumentSet(
            "an option without a value",
            "[module acme]\nurl =\n",
            "conf/modules.conf:2: option url of module acme has no value; write e.g. url ="
                + " https://example.org/rules.jar"),
        argumentSet(
            "a URL that does not parse",
            "[module acme]\nurl = https://a example/r.jar\n",
            "conf/modules.conf:2: url 'https://a example/r.jar' is not a valid URL (illegal"
                + " character in authority at index 8); write e.g. https://example.org/rules.jar"),
        argumentSet(
            "a URL of a scheme freshjar cannot fetch",
            "[module acme]\nurl = ftp://a.example/r.jar\n",
            "conf/modules.conf:2: url 'ftp://a.example/r.jar' has the scheme ftp:, which freshjar"
                + " cannot fetch; use https:, http: or file:, or a path"),
        argumentSet(
            "an https URL without a host",
            "[module acme]\nurl = https:///r.jar\n",
            "conf/modules.conf:2: url 'https:///r.jar' names no host; write e.g."
                + " https://example.org/rules.jar"),
        argumentSet(
            "a timeout that is not a duration",
            acme + "timeout = 10 seconds\n",
            "conf/modules.conf:3: timeout '10 seconds' is not a duration; write a whole number and"
                + " a unit: 500ms, 2s, 5m, 1h"),
        argumentSet(
            "a timeout too long to count",
            acme + "timeout = 99999999999999999999h\n",
            "conf/modules.conf:3: timeout '99999999999999999999h' is too long a duration; write a"
                + " shorter one, e.g. 1h"),
        argumentSet(
            "a timeout of zero",
            acme + "timeout = 0s\n",
            "conf/modules.conf:3: timeout '0s' must be longer than zero; write e.g. timeout ="
                + " 10s"),
        argumentSet(
            "allow-http that is not a boolean",
            acme + "allow-http = yes\n",
            "conf/modules.conf:3: allow-http 'yes' is not true or false; write allow-http = true"
                + " or allow-http = false"),
        argumentSet(
            "a sha256 that is not 64 hex digits",
            acme + "sha256 = 9f2c\n",
            "conf/modules.conf:3: sha256 '9f2c' is not a SHA-256: write the 64 hex digits"
                + " 'sha256sum JAR' prints for the one jar to accept"),
        argumentSet(
            "a sha256 with sha256sum's file name still after it",
            acme + "sha256 = " + "ab".repeat(32) + "  acme.jar\n",
            "conf/modules.conf:3: sha256 '"
                + "ab".repeat(32)
                + "  acme.jar' is not a SHA-256: write the 64 hex digits 'sha256sum JAR' prints"
                + " for the one jar to accept"),
        argumentSet(
            "a key without its algorithm",
            acme + "key = MCowBQYDK2VwAyEA\n",
            "conf/modules.conf:3: key 'MCowBQYDK2VwAyEA' is not an author key: it must start with"
                + " 'ed25519:'"),
        argumentSet(
            "a key that is cut short",
            acme + "key = ed25519:MCowBQYDK2VwAyEA\n",
            "conf/modules.conf:3: key 'ed25519:MCowBQYDK2VwAyEA' is not an Ed25519 public key"
                + " (expected the 44 bytes of an X.509 SubjectPublicKeyInfo); copy the line"
                + " 'freshjar keys generate' printed"),
        argumentSet(
            "a key given twice",
            acme + "key = " + KEY.text() + "\nkey = " + KEY.text() + "\n",
            "conf/modules.conf:4: option key of module acme is already set at line 3; keep one of"
                + " the two lines"),
        argumentSet(
            "a module without a url, followed by another",
            "[module acme]\ntimeout = 5s\n\n[module beta]\nurl = https://b.example/r.jar\n",
            "conf/modules.conf:1: module acme has no url; add a line such as url ="
                + " https://example.org/rules.jar, or maven = com.acme:acme-rules for a module from a"
                + " Maven repository, under [module acme]"),
        argumentSet(
            "a module without a url at the end of the file",
            acme + "[module beta]\n# url = later\n",
            "conf/modules.conf:3: module beta has no url; add a line such as url ="
                + " https://example.org/rules.jar, or maven = com.acme:acme-rules for a module from a"
                + " Maven repository, under [module beta]"));
  }

  @ParameterizedTest
  @MethodSource("badFiles")
  void aBadLineIsReportedWithItsFileAndLineAndWhatToDo(String text, String message) {
    assertThatThrownBy(() -> parse(text)).isInstanceOf(ConfigException.class).hasMessage(message);
  }

  @Test
  void theErrorCarriesTheFileAndTheLine() {
    assertThatThrownBy(() -> parse("[module acme]\nurl = https://a.example/r.jar\nfoo = 1\n"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.file()).isEqualTo(FILE);
              assertThat(e.line()).isEqualTo(3);
            });
  }

  @Nested
  class TheFileAsAWhole {
    @TempDir Path dir;

    @Test
    void isReadAsUtf8() throws Exception {
      Path file = dir.resolve("modules.conf");
      Files.writeString(file, "# für Acme\n[module acme]\nurl = https://a.example/r.jar\n");

      assertThat(ConfigFile.read(file)).extracting(ModuleSource::name).containsExactly("acme");
    }

    @Test
    void thatIsNotUtf8IsRefused() throws Exception {
      Path file = dir.resolve("modules.conf");
      Files.write(file, "# f\u00fcr Acme\n".getBytes(StandardCharsets.ISO_8859_1));

      assertThatThrownBy(() -> ConfigFile.read(file))
          .hasMessage(file + ": it is not UTF-8 text; save it as UTF-8");
    }

    @Test
    void thatIsADirectoryIsRefused() {
      assertThatThrownBy(() -> ConfigFile.read(dir))
          .hasMessageStartingWith(dir + ": cannot read it (")
          .hasMessageEndingWith("); check that it is a readable file");
    }
  }
}
