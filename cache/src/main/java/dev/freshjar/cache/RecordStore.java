package dev.freshjar.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Reads and replaces module records. Readers take no lock: a record is only ever replaced by a
 * rename, so a reader sees a whole old or a whole new file. Writers serialize on the module's
 * {@link ModuleLock} and re-read under it, so that no update is lost.
 */
final class RecordStore {
  private static final String RECORD = ".record";

  /**
   * Far more than any record freshjar writes (a few hundred bytes a version): a file past it is
   * damage, and is reported as such rather than read whole (a disk error can leave gigabytes of
   * zeros, a symbolic link can point at a device that never ends).
   */
  static final int MAX_BYTES = 16 << 20;

  private final CacheLayout layout;
  private final Duration lockWait;

  RecordStore(CacheLayout layout, Duration lockWait) {
    this.layout = layout;
    this.lockWait = lockWait;
  }

  /**
   * The module's record, if it has one.
   *
   * @throws CacheException when the record cannot be read or makes no sense
   */
  Optional<ModuleRecord> read(String module) {
    Path file = layout.record(module);
    String text;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new CorruptRecordException(
            file, "it is larger than " + (MAX_BYTES >> 20) + " MiB, which no record is", null);
      }
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (CharacterCodingException e) {
      throw new CorruptRecordException(file, "it is not UTF-8 text", e);
    } catch (IOException e) {
      throw new CacheException("cannot read the record " + file + ": " + e.getMessage(), e);
    }
    try {
      ModuleRecord r = RecordFormat.read(text);
      if (!r.module().equals(module)) {
        throw new IllegalArgumentException("it is the record of module " + r.module());
      }
      return Optional.of(r);
    } catch (IllegalArgumentException e) {
      throw new CorruptRecordException(file, e.getMessage(), e);
    }
  }

  /** The modules that have a record, by name. */
  List<String> modules() {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(layout.modules())) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (name.endsWith(RECORD)) {
          String module = name.substring(0, name.length() - RECORD.length());
          if (ModuleSource.isValidName(module)) {
            names.add(module);
          }
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new CacheException(
          "cannot list the module records in " + layout.modules() + ": " + e.getMessage(), e);
    }
    Collections.sort(names);
    return names;
  }

  /** A record before and after a change. */
  record Change(Optional<ModuleRecord> before, ModuleRecord after) {}

  /**
   * Replaces the module's record with {@code change} applied to its latest content, holding the
   * module's lock so that concurrent changes apply one after the other.
   *
   * @throws RefreshFailure when the lock cannot be had or the record cannot be written
   * @throws CacheException when the record on disk is corrupt
   */
  Change update(String module, Function<Optional<ModuleRecord>, ModuleRecord> change)
      throws RefreshFailure {
    return update(module, change, false);
  }

  /**
   * {@link #update(String, Function)}, which, when {@code replaceCorrupt}, takes a corrupt record
   * for none: the corrupt file is kept beside it as {@code NAME.record.corrupt} (nothing is lost)
   * and a new record replaces it.
   */
  @SuppressWarnings("try") // the lock is held for the block's duration, not used in it
  Change update(
      String module, Function<Optional<ModuleRecord>, ModuleRecord> change, boolean replaceCorrupt)
      throws RefreshFailure {
    try (ModuleLock lock = ModuleLock.acquire(module, layout.lock(module), lockWait)) {
      Optional<ModuleRecord> before;
      try {
        before = read(module);
      } catch (CorruptRecordException e) {
        if (!replaceCorrupt) {
          throw e;
        }
        Path file = layout.record(module);
        Files.move(
            file,
            file.resolveSibling(file.getFileName() + ".corrupt"),
            StandardCopyOption.REPLACE_EXISTING);
        before = Optional.empty();
      }
      ModuleRecord after = change.apply(before);
      if (before.isEmpty() || !before.get().equals(after)) {
        AtomicFiles.replace(
            layout.record(module), RecordFormat.write(after).getBytes(StandardCharsets.UTF_8));
      }
      return new Change(before, after);
    } catch (IOException e) {
      throw RefreshFailure.notWritable(e);
    }
  }

  /**
   * Like {@link #update}, for a module that has a record (none: nothing happens); also deletes the
   * temporary records a crashed writer of this module left behind, since while the lock is held no
   * writer of the module can be running.
   */
  @SuppressWarnings("try") // the lock is held for the block's duration, not used in it
  Optional<Change> tidy(String module, UnaryOperator<ModuleRecord> change) throws RefreshFailure {
    try (ModuleLock lock = ModuleLock.acquire(module, layout.lock(module), lockWait)) {
      String leftover = "." + layout.record(module).getFileName() + ".";
      try (DirectoryStream<Path> files = Files.newDirectoryStream(layout.modules())) {
        for (Path f : files) {
          String name = f.getFileName().toString();
          if (name.startsWith(leftover) && name.endsWith(".tmp")) {
            Files.deleteIfExists(f);
          }
        }
      }
      Optional<ModuleRecord> before = read(module);
      if (before.isEmpty()) {
        return Optional.empty();
      }
      ModuleRecord after = change.apply(before.get());
      if (!before.get().equals(after)) {
        AtomicFiles.replace(
            layout.record(module), RecordFormat.write(after).getBytes(StandardCharsets.UTF_8));
      }
      return Optional.of(new Change(before, after));
    } catch (IOException e) {
      throw RefreshFailure.notWritable(e);
    }
  }
}
