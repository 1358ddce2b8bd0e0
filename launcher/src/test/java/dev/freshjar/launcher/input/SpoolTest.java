package dev.freshjar.launcher.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpoolTest {
  @TempDir Path tempDir;

  static byte[] bytes(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 1, 65_536, 3_000_000, 20_000_000})
  void aSecondReaderGetsEveryByteAfterTheFirstWasAbandonedHalfWay(int size) throws IOException {
    byte[] data = bytes(size);
    try (Spool spool = new Spool("-", new ByteArrayInputStream(data), tempDir)) {
      try (InputStream first = spool.reader()) {
        first.readNBytes(size / 2);
      }
      try (InputStream second = spool.reader()) {
        assertThat(second.readAllBytes()).isEqualTo(data);
      }
    }
  }

  @Test
  void aFileBeyondTheMemoryBoundHasNoNameInTheTemporaryDirectory() throws IOException {
    byte[] data = bytes(20_000_000);
    try (Spool spool = new Spool("-", new ByteArrayInputStream(data), tempDir);
        InputStream reader = spool.reader()) {
      reader.readAllBytes();
      try (Stream<Path> left = Files.list(tempDir)) {
        assertThat(left).isEmpty();
      }
    }
  }

  @Test
  void afterStopRecordingTheReaderGoesOnButNoneCanStartOver() throws IOException {
    byte[] data = bytes(1_000_000);
    try (Spool spool = new Spool("-", new ByteArrayInputStream(data), tempDir)) {
      InputStream reader = spool.reader();
      byte[] head = reader.readNBytes(1000);
      spool.stopRecording();
      byte[] rest = reader.readAllBytes();

      assertThat(head.length + rest.length).isEqualTo(data.length);
      assertThatThrownBy(spool::reader)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("cannot be read again");
    }
  }

  @Test
  void aReaderBehindTheRecordReplaysItThenReadsOnAfterStopRecording() throws IOException {
    byte[] data = bytes(3_000_000);
    try (Spool spool = new Spool("-", new ByteArrayInputStream(data), tempDir)) {
      spool.reader().readNBytes(100_000);
      spool.stopRecording();
      assertThat(spool.reader().readAllBytes()).isEqualTo(data);
    }
  }

  @Test
  void theFirstReaderWaitsAtTheBoundUntilToldThatNoneFollows() throws Exception {
    byte[] data = bytes(1_000_000);
    try (Spool spool = new Spool("-", new ByteArrayInputStream(data), tempDir, 100_000)) {
      InputStream reader = spool.reader();
      java.util.concurrent.CompletableFuture<byte[]> all =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try {
                  return reader.readAllBytes();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      Thread.sleep(200);
      assertThat(all).as("waiting at the bound").isNotDone();

      spool.stopRecording();

      assertThat(all.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(data);
    }
  }

  @Test
  void aReleasedSpoolKeepsEverythingForTheNextReader() throws IOException {
    byte[] data = bytes(1_000_000);
    try (Spool spool = new Spool("-", new ByteArrayInputStream(data), tempDir, 100_000)) {
      spool.release();
      spool.reader().readAllBytes();
      assertThat(spool.reader().readAllBytes()).isEqualTo(data);
    }
  }
}
