package dev.freshjar.launcher.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.cache.Cause;
import org.junit.jupiter.api.Test;

/** A reload's failure is known by what it is, not by the words a server put in it. */
class ModuleReloadTest {
  @Test
  void twoFailuresThatDifferOnlyInWhatTheServerSaidAreTheSameFailure() {
    ModuleReload first =
        new ModuleReload.Failed("acme", "HTTP 503 busy (1)", Cause.HTTP_STATUS, "2.3/9f2c41aa07be");
    ModuleReload later =
        new ModuleReload.Failed("acme", "HTTP 503 busy (2)", Cause.HTTP_STATUS, "2.3/9f2c41aa07be");

    assertThat(later.failure()).isEqualTo(first.failure()).isPresent();
  }

  @Test
  void anotherCauseOrAnotherRunningVersionIsAnotherFailure() {
    ModuleReload busy =
        new ModuleReload.Failed("acme", "HTTP 503", Cause.HTTP_STATUS, "2.3/9f2c41aa07be");
    ModuleReload unreachable =
        new ModuleReload.Failed("acme", "HTTP 503", Cause.UNREACHABLE, "2.3/9f2c41aa07be");
    ModuleReload newer =
        new ModuleReload.Failed("acme", "HTTP 503", Cause.HTTP_STATUS, "2.4/1b7e0c55d2a9");

    assertThat(unreachable.failure()).isNotEqualTo(busy.failure());
    assertThat(newer.failure()).isNotEqualTo(busy.failure());
  }

  @Test
  void anOutcomeThatIsNoFailureHasNone() {
    assertThat(new ModuleReload.Unchanged("acme", "2.3/9f2c41aa07be").failure()).isEmpty();
  }
}
