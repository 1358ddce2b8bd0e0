package dev.freshjar.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputTest {
  private static final byte[] TEXT = "the whale".getBytes(StandardCharsets.UTF_8);

  @Nested
  class ASeekableInput {
    @TempDir Path dir;

    @Test
    void opensAFileAtAnyOffset() throws IOException {
      Path file = Files.write(dir.resolve("t.txt"), TEXT);
      Input input = Input.ofPath(file);
      assertTrue(input.isSeekable());
      try (InputStream in = input.openStream(4)) {
        assertArrayEquals("whale".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
      }
      try (InputStream in = input.openStream()) {
        assertArrayEquals(TEXT, in.readAllBytes());
      }
    }

    @Test
    void refusesAnOffsetPastItsEnd() {
      Input input = seekable();
      assertThrows(IllegalArgumentException.class, () -> input.openStream(TEXT.length + 1));
      assertThrows(IllegalArgumentException.class, () -> input.openStream(-1));
    }

    @Test
    void needsASize() {
      assertThrows(
          IllegalArgumentException.class,
          () ->
              Input.ofSeekable(
                  "t", offset -> InputStream.nullInputStream(), StandardCharsets.UTF_8, -1));
    }

    @Test
    void staysSeekableWhenItsStreamsAreWrapped() throws IOException {
      AtomicInteger wrapped = new AtomicInteger();
      Input input =
          seekable()
              .wrapStreams(
                  in -> {
                    wrapped.incrementAndGet();
                    return new FilterInputStream(in) {};
                  });
      assertTrue(input.isSeekable());
      assertEquals(TEXT.length, input.sizeHint().getAsLong());
      try (InputStream in = input.openStream(4)) {
        assertArrayEquals("whale".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
      }
      try (InputStream in = input.openStream()) {
        assertArrayEquals(TEXT, in.readAllBytes());
      }
      assertEquals(2, wrapped.get());
    }

    @Test
    void closesTheStreamItOpenedWhenTheWrapperRefusesIt() {
      AtomicInteger closed = new AtomicInteger();
      Input input =
          Input.ofSeekable(
                  "t",
                  offset ->
                      new ByteArrayInputStream(TEXT) {
                        @Override
                        public void close() {
                          closed.incrementAndGet();
                        }
                      },
                  StandardCharsets.UTF_8,
                  TEXT.length)
              .wrapStreams(
                  in -> {
                    throw new IOException("cancelled");
                  });
      assertThrows(IOException.class, () -> input.openStream(2));
      assertEquals(1, closed.get());
    }
  }

  @Nested
  class AReadOnceInput {
    @Test
    void isNotSeekableAndCannotBeOpenedAtAnOffset() {
      Input input = Input.ofBytes("t", TEXT);
      assertFalse(input.isSeekable());
      assertThrows(IllegalStateException.class, () -> input.openStream(0));
    }

    @Test
    void staysReadOnceWhenItsStreamsAreWrapped() throws IOException {
      Input input = Input.ofBytes("t", TEXT).wrapStreams(in -> in);
      assertFalse(input.isSeekable());
      try (InputStream in = input.openStream()) {
        assertArrayEquals(TEXT, in.readAllBytes());
      }
    }
  }

  private static Input seekable() {
    return Input.ofSeekable(
        "t",
        offset -> new ByteArrayInputStream(TEXT, (int) offset, TEXT.length - (int) offset),
        StandardCharsets.UTF_8,
        TEXT.length);
  }
}
