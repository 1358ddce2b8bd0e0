package dev.freshjar.launcher.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An input that can be read only once (standard input, a pipe, a download), kept as it is read so
 * that a later reader gets the same bytes from the start: in memory up to a bound, then in a
 * temporary file that has no name from the moment it is created, so that nothing is left behind
 * whatever ends the process. Once told that no reader will follow ({@link #stopRecording}), it
 * keeps nothing more. Readers take turns; none runs alongside another.
 */
final class Spool implements Closeable {
  private static final int CHUNK = 1 << 16;
  private static final int MEMORY_CHUNKS = 128; // 8 MiB in memory, then a file
  // Past this, the first reader waits until it is known whether anyone reads again: a large
  // standard input must not fill the temporary directory while a slow update check decides.
  static final long WAIT_BEYOND = 64L << 20;

  private final String name;
  private final InputStream source;
  private final Path tempDir;
  private final List<byte[]> memory = new ArrayList<>();
  private FileChannel file;
  private long recorded;
  private boolean sourceEnded;
  private final long waitBeyond;
  private volatile boolean recording = true;
  private boolean released;
  // A reader went past what was recorded without recording it: nobody can start over.
  private boolean passedRecord;

  Spool(String name, InputStream source, Path tempDir) {
    this(name, source, tempDir, WAIT_BEYOND);
  }

  Spool(String name, InputStream source, Path tempDir, long waitBeyond) {
    this.name = name;
    this.source = source;
    this.tempDir = tempDir;
    this.waitBeyond = waitBeyond;
  }

  /** A reader from the first byte. */
  synchronized InputStream reader() throws IOException {
    if (passedRecord) {
      throw new IOException(name + " was read once already and cannot be read again");
    }
    return new Reader();
  }

  /** No reader will be opened after the ones already open, so nothing more needs keeping. */
  synchronized void stopRecording() {
    recording = false;
    notifyAll();
  }

  /**
   * Another reader will follow (the early run is abandoned): a reader waiting at the bound goes on
   * recording, whatever it costs, since the next reader needs every byte.
   */
  synchronized void release() {
    released = true;
    notifyAll();
  }

  @Override
  public synchronized void close() throws IOException {
    memory.clear();
    try (source) {
      if (file != null) {
        file.close();
      }
    }
  }

  private synchronized int read(long position, byte[] buffer, int offset, int length)
      throws IOException {
    if (length == 0) {
      return 0;
    }
    if (position < recorded) {
      return replay(position, buffer, offset, (int) Math.min(length, recorded - position));
    }
    if (sourceEnded) {
      return -1;
    }
    while (recording && !released && recorded >= waitBeyond) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while waiting for the update checks");
      }
    }
    int read = source.read(buffer, offset, length);
    if (read < 0) {
      sourceEnded = true;
      return -1;
    }
    if (recording) {
      record(buffer, offset, read);
    } else {
      passedRecord = true;
    }
    return read;
  }

  private int replay(long position, byte[] buffer, int offset, int length) throws IOException {
    long inMemory = (long) memory.size() * CHUNK;
    if (position < inMemory) {
      byte[] chunk = memory.get((int) (position / CHUNK));
      int from = (int) (position % CHUNK);
      int count = Math.min(length, CHUNK - from);
      System.arraycopy(chunk, from, buffer, offset, count);
      return count;
    }
    return file.read(ByteBuffer.wrap(buffer, offset, length), position - inMemory);
  }

  private void record(byte[] buffer, int offset, int length) throws IOException {
    int done = 0;
    while (done < length && file == null) {
      int from = (int) (recorded % CHUNK);
      if (from == 0) {
        if (memory.size() == MEMORY_CHUNKS) {
          break;
        }
        memory.add(new byte[CHUNK]);
      }
      int count = Math.min(length - done, CHUNK - from);
      System.arraycopy(buffer, offset + done, memory.get(memory.size() - 1), from, count);
      done += count;
      recorded += count;
    }
    if (done < length) {
      ByteBuffer rest = ByteBuffer.wrap(buffer, offset + done, length - done);
      try {
        if (file == null) {
          file = openTempFile();
        }
        while (rest.hasRemaining()) {
          file.write(rest);
        }
      } catch (IOException e) {
        throw new IOException(
            "cannot keep a copy of "
                + name
                + " in "
                + tempDir
                + " ("
                + e.getMessage()
                + "); free some space there or set TMPDIR to another directory",
            e);
      }
      recorded += length - done;
    }
  }

  private FileChannel openTempFile() throws IOException {
    Path path = Files.createTempFile(tempDir, "freshjar-input-", ".spool");
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    // Unnamed from here on: the space is given back when the process ends, however it ends.
    Files.delete(path);
    return channel;
  }

  private final class Reader extends InputStream {
    private long position;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int read = read(one, 0, 1);
      return read < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
      int read = Spool.this.read(position, buffer, offset, length);
      if (read > 0) {
        position += read;
      }
      return read;
    }

    // The source belongs to the spool, which closes it when the command is done.
    @Override
    public void close() {}
  }
}
