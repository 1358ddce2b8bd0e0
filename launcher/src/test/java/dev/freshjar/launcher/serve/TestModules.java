package dev.freshjar.launcher.serve;

import dev.freshjar.launcher.fixtures.ModuleJar;
import java.nio.file.Path;

/** Module jars the server tests load: compiled on the fly, each playing one kind of rule. */
final class TestModules {
  private TestModules() {}

  /**
   * A module {@code count} whose rule {@code count} reads its whole input and answers {@code
   * answer} with the number of bytes it read, under the manifest version {@code version}.
   */
  static byte[] counting(String version, String answer) {
    String pkg = "fixture.count.v" + version.replaceAll("[^0-9a-z]", "");
    String source =
        """
        package %s;
        import dev.freshjar.api.*;
        import java.io.*;
        public class Count implements Rule {
          public String name() { return "count"; }
          public String summary() { return "answers and counts its input's bytes"; }
          public Table apply(Input input, Arguments arguments) throws IOException {
            long bytes = 0;
            try (InputStream in = input.openStream()) {
              byte[] buffer = new byte[8192];
              for (int n; (n = in.read(buffer)) >= 0; ) bytes += n;
            }
            return Table.builder(Column.text("answer"), Column.integer("bytes"))
                .row("%s", bytes).build();
          }
        }
        """
            .formatted(pkg, answer);
    return ModuleJar.named("count").version(version).rule(pkg + ".Count", source).bytes();
  }

  /**
   * A module {@code odd} with rules that misbehave: {@code boom} throws with a message full of
   * quotes, control characters and an escape sequence; {@code spin} never returns and ignores
   * interrupts; {@code nap} reads its input, marks {@code started} with a new file, and sleeps
   * {@code ms} milliseconds (a parameter, default 1500); {@code first} reads one byte of its input
   * and answers it.
   */
  static Path odd(Path jar, Path started) {
    String boom =
        """
        package fixture.odd;
        import dev.freshjar.api.*;
        public class Boom implements Rule {
          public String name() { return "boom"; }
          public String summary() { return "throws"; }
          public Table apply(Input input, Arguments arguments) {
            throw new IllegalStateException("bad \\"thing\\"\\n\\u001b[31mred\\u0000 </script>");
          }
        }
        """;
    String spin =
        """
        package fixture.odd;
        import dev.freshjar.api.*;
        public class Spin implements Rule {
          public String name() { return "spin"; }
          public String summary() { return "never returns"; }
          public Table apply(Input input, Arguments arguments) {
            while (true) {
              try { Thread.sleep(100); } catch (InterruptedException e) { /* ignores it */ }
            }
          }
        }
        """;
    String nap =
        """
        package fixture.odd;
        import dev.freshjar.api.*;
        import java.io.*;
        import java.nio.file.*;
        import java.util.List;
        public class Nap implements Rule {
          public String name() { return "nap"; }
          public String summary() { return "sleeps"; }
          public List<Parameter> parameters() {
            return List.of(Parameter.integer("ms", "how long to sleep", 1500, 0));
          }
          public Table apply(Input input, Arguments arguments) throws IOException {
            long bytes;
            try (InputStream in = input.openStream()) { bytes = in.readAllBytes().length; }
            Files.createTempFile(Path.of("%s"), "started", "");
            try { Thread.sleep(arguments.integer("ms")); }
            catch (InterruptedException e) { throw new IOException("interrupted", e); }
            return Table.builder(Column.text("answer"), Column.integer("bytes"))
                .row("rested", bytes).build();
          }
        }
        """
            .formatted(started);
    String first =
        """
        package fixture.odd;
        import dev.freshjar.api.*;
        import java.io.*;
        public class First implements Rule {
          public String name() { return "first"; }
          public String summary() { return "reads one byte"; }
          public Table apply(Input input, Arguments arguments) throws IOException {
            int first;
            try (InputStream in = input.openStream()) { first = in.read(); }
            return Table.builder(Column.integer("first")).row((long) first).build();
          }
        }
        """;
    return ModuleJar.named("odd")
        .version("6.6.6")
        .rule("fixture.odd.Boom", boom)
        .rule("fixture.odd.Spin", spin)
        .rule("fixture.odd.Nap", nap)
        .rule("fixture.odd.First", first)
        .writeTo(jar);
  }
}
