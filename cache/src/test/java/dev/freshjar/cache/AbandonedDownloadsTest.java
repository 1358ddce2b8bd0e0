package dev.freshjar.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads in {@code tmp/} are swept as soon as their owner is gone, and never before. */
class AbandonedDownloadsTest {
  @TempDir Path tmp;
  Process child;

  @AfterEach
  void stopChild() throws InterruptedException {
    if (child != null) {
      child.destroyForcibly().waitFor();
    }
  }

  @Test
  void aDownloadOfAnotherLiveProcessIsLeftAlone() throws Exception {
    Path part = startChildDownload();

    TmpDir.sweepDownloads(tmp);

    assertEquals("half a jar", Files.readString(part));
    assertEquals(2, files().size(), files().toString());
  }

  @Test
  void aDownloadOfAKilledProcessIsSweptAtOnceWithItsLock() throws Exception {
    Path part = startChildDownload();
    child.destroyForcibly().waitFor(); // SIGKILL: no clean-up of its own
    assertTrue(Files.exists(part), "the kill left the part behind");

    TmpDir.sweepDownloads(tmp);

    assertEquals(List.of(), files());
  }

  @Test
  void aDownloadOfThisProcessIsLeftAloneAndClosingItLeavesNothing() throws IOException {
    try (TmpFile own = TmpFile.create(tmp)) {
      Files.writeString(own.path(), "in progress");

      TmpDir.sweepDownloads(tmp);

      assertEquals(2, files().size(), files().toString());
    }
    assertEquals(List.of(), files());
  }

  Path startChildDownload() throws IOException {
    child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                HoldDownloadMain.class.getName(),
                tmp.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertTrue(line != null, "the child did not start a download");
    return Path.of(line);
  }

  List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(tmp)) {
      return files.sorted().toList();
    }
  }
}
