package dev.freshjar.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshjar.cache.ModuleSource;
import dev.freshjar.cache.maven.MavenArtifact;
import dev.freshjar.cache.maven.VersionPolicy;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.modules.ModuleSources;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code maven =} sections, and {@code --module NAME=maven:GROUP:ARTIFACT}. */
class MavenConfigTest {
  static final Path FILE = Path.of("conf", "modules.conf");

  static List<ModuleSource> parse(String text) throws ConfigException {
    return ConfigFile.parse(FILE, text);
  }

  @Test
  void aMavenSection_namesTheArtifactRepositoryAndVersions() throws Exception {
    ModuleSource acme =
        parse(
                """
                [module acme]
                maven = com.acme:acme-rules
                repository = https://repo.acme.example/releases
                versions = [2.0,3.0)
                pre-releases = true
                server = acme-releases
                """)
            .get(0);
    MavenArtifact a = acme.maven().orElseThrow();
    assertThat(a.groupId()).isEqualTo("com.acme");
    assertThat(a.artifactId()).isEqualTo("acme-rules");
    assertThat(a.repository()).isEqualTo(URI.create("https://repo.acme.example/releases/"));
    assertThat(a.policy()).isEqualTo(new VersionPolicy(Optional.of("[2.0,3.0)"), true));
    assertThat(a.server()).contains("acme-releases");
    assertThat(acme.url()).isEqualTo(a.repository());
  }

  @Test
  void theRepository_defaultsToMavenCentral() throws Exception {
    ModuleSource acme = parse("[module acme]\nmaven = com.acme:acme-rules\n").get(0);
    assertThat(acme.maven().orElseThrow().repository()).isEqualTo(MavenArtifact.CENTRAL);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "url = https://x.example/a.jar\\nmaven = a:b|3|sets both url (line 2) and maven (line 3)",
        "url = https://x.example/a.jar\\nversions = [1.0]|3|versions applies to a module from a"
            + " Maven repository",
        "maven = a:b\\nsha256 = "
            + "0000000000000000000000000000000000000000000000000000000000000000|3|write versions ="
            + " [VERSION]",
        "maven = com.acme|2|is not GROUP:ARTIFACT",
        "maven = a:b\\nversions = 2.0|3|write e.g. [2.0,3.0)",
        "maven = a:b\\npre-releases = yes|3|is not true or false",
        "repository = https://r.example/|1|has no url",
      })
  void aBadMavenSection_namesTheLineAndWhatToDo(String body, int line, String says) {
    assertThatThrownBy(() -> parse("[module acme]\n" + body.replace("\\n", "\n") + "\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("modules.conf:" + line + ":")
        .hasMessageContaining(says);
  }

  @Test
  void aMavenFlag_addsAModuleFromMavenCentral() {
    ModuleSource s = ModuleSources.fromFlags(List.of("acme=maven:com.acme:acme-rules")).get(0);
    assertThat(s.maven().orElseThrow().repository()).isEqualTo(MavenArtifact.CENTRAL);
    assertThat(s.describe()).isEqualTo("com.acme:acme-rules from " + MavenArtifact.CENTRAL);
  }

  @Test
  void aMavenFlag_keepsTheFilesRepositoryAndVersions() throws Exception {
    List<ModuleSource> file =
        parse(
            """
            [module acme]
            maven = com.acme:acme-rules
            repository = https://repo.acme.example/releases
            versions = [2.0,3.0)
            """);
    ModuleSource s =
        ModuleSources.combine(
                file, ModuleSources.fromFlags(List.of("acme=maven:com.acme:acme-rules-next")))
            .get(0);
    MavenArtifact a = s.maven().orElseThrow();
    assertThat(a.artifactId()).isEqualTo("acme-rules-next");
    assertThat(a.repository()).isEqualTo(URI.create("https://repo.acme.example/releases/"));
    assertThat(a.policy().spec()).contains("[2.0,3.0)");
  }

  @Test
  void aBadMavenFlag_isAUsageError() {
    assertThatThrownBy(() -> ModuleSources.fromFlags(List.of("acme=maven:com.acme")))
        .isInstanceOf(CommandFailure.class)
        .hasMessageContaining("is not GROUP:ARTIFACT");
  }
}
