package dev.freshjar.launcher.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A local file opened for reading, which knows whether what it opened can be read again: a regular
 * file, seekable through the descriptor it holds. A name can lie ({@code /dev/stdin}, {@code
 * /dev/fd/63} from process substitution, a FIFO); what was opened cannot: a pipe refuses to seek.
 */
final class OpenedFile extends FilterInputStream {
  private final boolean rereadable;

  private OpenedFile(FileChannel channel, boolean rereadable) {
    super(Channels.newInputStream(channel));
    this.rereadable = rereadable;
  }

  static OpenedFile open(Path path) throws IOException {
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
    try {
      return new OpenedFile(channel, rereadable(path, channel));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Whether opening the same path again gives the same bytes from the start. */
  boolean rereadable() {
    return rereadable;
  }

  // The attributes are read after opening, so a file swapped in before the open is seen; the seek
  // is asked of the open descriptor itself and fails on a pipe, a FIFO or a socket.
  private static boolean rereadable(Path path, FileChannel channel) throws IOException {
    if (!Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class)
        .isRegularFile()) {
      return false;
    }
    try {
      channel.position(channel.position());
      return true;
    } catch (IOException e) {
      // ESPIPE: not seekable, so not a regular file whatever its name says.
      return false;
    }
  }
}
