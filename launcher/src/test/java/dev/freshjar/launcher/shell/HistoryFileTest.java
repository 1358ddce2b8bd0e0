package dev.freshjar.launcher.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryFileTest {
  @Test
  void isUnderXdgStateHomeWhenItIsSet() {
    assertThat(HistoryFile.locate(Map.of("XDG_STATE_HOME", "/s", "HOME", "/h"), "/u"))
        .isEqualTo(Path.of("/s/freshjar/history"));
  }

  @Test
  void isUnderTheHomeDirectorysLocalStateOtherwise() {
    assertThat(HistoryFile.locate(Map.of("HOME", "/h"), "/u"))
        .isEqualTo(Path.of("/h/.local/state/freshjar/history"));
  }

  @Test
  void fallsBackToTheUsersHomeWithoutAnEnvironment() {
    assertThat(HistoryFile.locate(Map.of("XDG_STATE_HOME", ""), "/u"))
        .isEqualTo(Path.of("/u/.local/state/freshjar/history"));
  }

  @Test
  void ignoresARelativeXdgStateHomeAsTheBaseDirectorySpecificationSays() {
    // Else the history would land in whatever directory the shell was started from.
    assertThat(HistoryFile.locate(Map.of("XDG_STATE_HOME", "state", "HOME", "/h"), "/u"))
        .isEqualTo(Path.of("/h/.local/state/freshjar/history"));
  }

  @Test
  void ignoresARelativeHome() {
    assertThat(HistoryFile.locate(Map.of("HOME", "h"), "/u"))
        .isEqualTo(Path.of("/u/.local/state/freshjar/history"));
  }
}
