package dev.freshjar.launcher.shell;

import dev.freshjar.launcher.fixtures.Fixtures;
import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.JarServer;
import java.nio.file.Path;

/** The modules the shell's tests run: text-utils from its built jar, greet from the server. */
final class ShellModules {
  private ShellModules() {}

  /** The real {@code bin/freshjar} with the text and greet modules. */
  static Freshjar freshjar(Path cache, JarServer server) {
    return Freshjar.withCache(cache)
        .option(
            // The machine may be busy: the checks' deadline is not what these tests are about.
            "--update-timeout",
            "60s",
            "--module",
            "text=" + Fixtures.textUtilsJar(),
            "--module",
            server.module("greet"));
  }
}
