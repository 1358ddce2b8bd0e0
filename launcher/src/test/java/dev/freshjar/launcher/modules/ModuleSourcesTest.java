package dev.freshjar.launcher.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshjar.cache.ModuleSource;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleSourcesTest {
  static ModuleSource source(String name, String url) {
    return ModuleSource.of(name, URI.create(url));
  }

  @Nested
  class CombiningTheFileWithFlags {
    static final ModuleSource ACME =
        new ModuleSource(
            "acme", URI.create("https://a.example/r.jar"), true, Duration.ofSeconds(30));
    static final ModuleSource TAX = source("tax", "https://t.example/t.jar");

    @Test
    void aFlagNamingAModuleOfTheFileReplacesItWhereItStandsOptionsAndAll() {
      ModuleSource local = source("acme", "file:/tmp/acme.jar");

      assertThat(ModuleSources.combine(List.of(ACME, TAX), List.of(local)))
          .containsExactly(local, TAX);
    }

    @Test
    void aFlagWithANewNameAddsAModuleAfterTheFiles() {
      ModuleSource extra = source("extra", "https://x.example/x.jar");

      assertThat(ModuleSources.combine(List.of(ACME, TAX), List.of(extra)))
          .containsExactly(ACME, TAX, extra);
    }

    @Test
    void withoutFlagsTheFileStandsAsItIs() {
      assertThat(ModuleSources.combine(List.of(ACME, TAX), List.of())).containsExactly(ACME, TAX);
    }
  }

  @Nested
  class Flags {
    @Test
    void aPathIsRelativeToTheWorkingDirectory() {
      assertThat(ModuleSources.fromFlags(List.of("local=jars/l.jar")))
          .containsExactly(
              ModuleSource.of("local", Path.of("jars/l.jar").toAbsolutePath().toUri()));
    }

    @Test
    void aUrlOfASchemeFreshjarCannotFetchIsAUsageError() {
      assertThatThrownBy(() -> ModuleSources.fromFlags(List.of("acme=ftp://a.example/r.jar")))
          .isInstanceOfSatisfying(
              CommandFailure.class, e -> assertThat(e.status()).isEqualTo(ExitStatus.USAGE))
          .hasMessage(
              "--module acme: 'ftp://a.example/r.jar' has the scheme ftp:,"
                  + " which freshjar cannot fetch; use https:, http: or file:, or a path");
    }

    @Test
    void theSameNameTwiceIsAUsageError() {
      assertThatThrownBy(
              () ->
                  ModuleSources.fromFlags(
                      List.of("acme=https://a.example/1.jar", "acme=https://a.example/2.jar")))
          .hasMessage("--module acme is given twice");
    }
  }

  @Nested
  class TheBuiltInModule {
    @TempDir Path home;

    private Path touch(String path) throws IOException {
      Path file = home.resolve(path);
      Files.createDirectories(file.getParent());
      return Files.write(file, new byte[] {1});
    }

    @Test
    void inASourceTreeIsTheJarTheBuildMade() throws IOException {
      touch("text-utils-module/target/text-utils-module-0.1.0-sources.jar");
      Path jar = touch("text-utils-module/target/text-utils-module-0.1.0.jar");

      assertThat(ModuleSources.builtIn(home))
          .contains(ModuleSource.of("text", jar.toAbsolutePath().toUri()));
    }

    @Test
    void inAReleaseArchiveIsTheJarUnderLibModules() throws IOException {
      Path jar = touch("lib/modules/text-utils-module-0.1.0.jar");

      assertThat(ModuleSources.builtIn(home))
          .contains(ModuleSource.of("text", jar.toAbsolutePath().toUri()));
    }

    @Test
    void isAbsentWhenNeitherLayoutHoldsIt() throws IOException {
      touch("lib/launcher-0.1.0.jar");

      assertThat(ModuleSources.builtIn(home)).isEmpty();
    }
  }
}
