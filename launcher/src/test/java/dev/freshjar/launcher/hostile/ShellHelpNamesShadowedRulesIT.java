package dev.freshjar.launcher.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import dev.freshjar.launcher.fixtures.ModuleJar;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module's rule named like one of the shell's own commands ({@code update}) is reached only as
 * {@code MODULE:RULE}; the shell's {@code help} lists it that way, not as a bare {@code update
 * INPUT} that would run the shell's command instead.
 */
class ShellHelpNamesShadowedRulesIT {
  @TempDir Path dir;

  @Test
  void helpListsARuleNamedLikeACommandAsModuleColonRule() {
    Path jar =
        ModuleJar.answering("shadow", "update", "the-rule").writeTo(dir.resolve("shadow.jar"));

    Result run =
        Freshjar.withCache(dir.resolve("cache"))
            .option("--module", "shadow=" + jar)
            .stdin("help\n")
            .run("shell");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout()).contains("shadow:update INPUT").doesNotContain("  update INPUT");
  }
}
