package dev.freshjar.launcher.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshjar.api.Arguments;
import dev.freshjar.api.Input;
import dev.freshjar.api.ModuleApi;
import dev.freshjar.api.Rule;
import dev.freshjar.api.Table;
import dev.freshjar.cache.CachedJar;
import dev.freshjar.launcher.fixtures.ModuleJar;
import dev.freshjar.launcher.fixtures.OpenFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments.ArgumentSet;
import org.junit.jupiter.params.provider.MethodSource;

class ModuleLoaderTest {
  @TempDir Path dir;

  static CachedJar cached(String module, Path jar) {
    return new CachedJar(
        module,
        "0".repeat(64),
        jar,
        "fixture",
        "1.0",
        jar.toUri(),
        Instant.EPOCH,
        Optional.empty(),
        Optional.empty());
  }

  static String answer(Rule rule) throws IOException {
    Table table = rule.apply(Input.ofBytes("empty", new byte[0]), Arguments.none());
    return (String) table.rows().get(0).get(0);
  }

  @Test
  void loadsTheBuiltTextUtilsModuleWithItsThreeRules() throws Exception {
    Path jar = Path.of(System.getProperty("freshjar.textUtilsJar"));
    try (LoadedModule module = ModuleLoader.load(cached("text", jar))) {
      assertThat(module.rules())
          .extracting(Rule::name)
          .containsExactlyInAnyOrder("wc", "histogram", "top");
    }
  }

  @Nested
  class Isolation {
    private static final String PROBE =
        """
        package probe;
        import dev.freshjar.api.*;
        public class Probe implements Rule {
          public String name() { return "probe"; }
          public String summary() { return "which classes can a module see"; }
          public Table apply(Input input, Arguments arguments) {
            Table.Builder table = Table.builder(Column.text("class"), Column.text("seen"));
            for (String name : new String[] {
                "okhttp3.OkHttpClient", "picocli.CommandLine", "com.fasterxml.jackson.core.JsonFactory",
                "dev.freshjar.cache.ModuleCache", "dev.freshjar.launcher.Main",
                "java.sql.Connection", "dev.freshjar.api.Table"}) {
              String seen;
              try {
                Class.forName(name, false, Probe.class.getClassLoader());
                seen = "visible";
              } catch (ClassNotFoundException e) {
                seen = "hidden";
              }
              table.row(name, seen);
            }
            return table.build();
          }
        }
        """;

    @Test
    void aModuleSeesTheJdkAndTheApiButNoneOfTheLaunchersLibraries() throws Exception {
      Path jar = ModuleJar.named("probe").rule("probe.Probe", PROBE).writeTo(dir.resolve("p.jar"));
      try (LoadedModule module = ModuleLoader.load(cached("probe", jar))) {
        Table table =
            module.rules().get(0).apply(Input.ofBytes("x", new byte[0]), Arguments.none());
        assertThat(table.rows())
            .containsExactly(
                List.of("okhttp3.OkHttpClient", "hidden"),
                List.of("picocli.CommandLine", "hidden"),
                List.of("com.fasterxml.jackson.core.JsonFactory", "hidden"),
                List.of("dev.freshjar.cache.ModuleCache", "hidden"),
                List.of("dev.freshjar.launcher.Main", "hidden"),
                List.of("java.sql.Connection", "visible"),
                List.of("dev.freshjar.api.Table", "visible"));
      }
    }

    @Test
    void everyLoadGetsItsOwnClassLoaderAndItsOwnClasses() throws Exception {
      Path jar = ModuleJar.answering("same", "answer", "one").writeTo(dir.resolve("s.jar"));
      try (LoadedModule first = ModuleLoader.load(cached("same", jar));
          LoadedModule second = ModuleLoader.load(cached("same", jar))) {
        assertThat(first.loader()).isNotSameAs(second.loader());
        assertThat(first.rules().get(0).getClass()).isNotSameAs(second.rules().get(0).getClass());
      }
    }

    @Test
    void closingOneLoaderOfAJarLeavesAnotherLoaderOfItReading() throws Exception {
      Path jar =
          ModuleJar.readingAnswer("twice", "twice", "still here").writeTo(dir.resolve("t.jar"));
      try (LoadedModule newer = ModuleLoader.load(cached("twice", jar))) {
        LoadedModule older = ModuleLoader.load(cached("twice", jar));
        try (var reading = newer.loader().getResourceAsStream("answer.txt")) {
          try (var other = older.loader().getResourceAsStream("answer.txt")) {
            other.readAllBytes();
          }
          older.close();

          assertThat(new String(reading.readAllBytes(), StandardCharsets.UTF_8))
              .isEqualTo("still here");
          assertThat(answer(newer.rules().get(0))).isEqualTo("still here");
          assertThat(newer.loader().getResource("answer.txt").getFile())
              .endsWith("t.jar!/answer.txt");
        }
      }
      assertThat(OpenFiles.pointingAt(jar)).as("descriptors once both are closed").isEmpty();
    }

    @Test
    void twoModulesMayBundleDifferentVersionsOfTheSameClass() throws Exception {
      String helperV1 =
          "package shared; public class Lib { public static String v() { return \"lib-1\"; } }";
      String helperV2 =
          "package shared; public class Lib { public static String v() { return \"lib-2\"; } }";
      String rule =
          """
          package %s;
          import dev.freshjar.api.*;
          public class R implements Rule {
            public String name() { return "lib"; }
            public String summary() { return "which Lib"; }
            public Table apply(Input input, Arguments arguments) {
              return Table.builder(Column.text("answer")).row(shared.Lib.v()).build();
            }
          }
          """;
      Path a =
          ModuleJar.named("a")
              .source("shared.Lib", helperV1)
              .rule("a.R", rule.formatted("a"))
              .writeTo(dir.resolve("a.jar"));
      Path b =
          ModuleJar.named("b")
              .source("shared.Lib", helperV2)
              .rule("b.R", rule.formatted("b"))
              .writeTo(dir.resolve("b.jar"));
      try (LoadedModule first = ModuleLoader.load(cached("a", a));
          LoadedModule second = ModuleLoader.load(cached("b", b))) {
        assertThat(answer(first.rules().get(0))).isEqualTo("lib-1");
        assertThat(answer(second.rules().get(0))).isEqualTo("lib-2");
      }
    }
  }

  @Nested
  class Refusals {
    static Stream<ArgumentSet> badModules() {
      String throwing =
          """
          package bad;
          import dev.freshjar.api.*;
          public class Boom implements Rule {
            static { if (true) throw new IllegalStateException("boom in static init"); }
            public String name() { return "boom"; }
            public String summary() { return "never loads"; }
            public Table apply(Input input, Arguments arguments) { return null; }
          }
          """;
      return Stream.of(
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a rule class that throws in its static initialiser",
              ModuleJar.named("bad").rule("bad.Boom", throwing),
              "static initialiser: java.lang.IllegalStateException: boom in static init"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a jar with no rules",
              ModuleJar.named("empty").source("e.Nothing", "package e; class Nothing {}"),
              "declares no rules"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a jar that lists a rule class it does not contain",
              ModuleJar.named("ghost").service("ghost.Missing"),
              "ghost.Missing"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a jar that bundles module-api classes",
              ModuleJar.answering("fat", "fat", "x").bundlingApi(),
              "bundles the module-api's own classes"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a jar compiled for a newer Java",
              ModuleJar.answering("future", "future", "x").classFileMajor(99),
              "compiled for a newer Java"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a jar built against an incompatible module-api",
              ModuleJar.answering("old", "old", "x").apiVersion("2.0"),
              "built against module-api 2.0, but this freshjar provides module-api "
                  + ModuleApi.VERSION),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a jar that does not say which module-api it was built against",
              ModuleJar.answering("unknown", "unknown", "x").apiVersion(null),
              "has no Freshjar-Api-Version attribute"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a rule with an invalid name",
              ModuleJar.answering("caps", "Top Words", "x"),
              "rule name 'Top Words' is not valid"));
    }

    @ParameterizedTest
    @MethodSource("badModules")
    void isRefusedWithAReasonAndLeavesNoOpenJar(ModuleJar module, String reason) throws Exception {
      Path jar = module.writeTo(dir.resolve("bad.jar"));

      assertThatThrownBy(() -> ModuleLoader.load(cached("bad", jar)))
          .isInstanceOf(ModuleLoadException.class)
          .hasMessageContaining(reason);
      assertThat(OpenFiles.pointingAt(jar)).as("file descriptors on the refused jar").isEmpty();
    }

    @Test
    void aPlainFileThatIsNotAJarIsRefused() throws Exception {
      Path notAJar = Files.writeString(dir.resolve("page.jar"), "<html>not found</html>");
      assertThatThrownBy(() -> ModuleLoader.load(cached("html", notAJar)))
          .isInstanceOf(ModuleLoadException.class)
          .hasMessageContaining("not a readable jar");
    }
  }
}
