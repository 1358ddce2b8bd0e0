package dev.freshjar.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads and replaces module records. Readers take no lock: a record is only ever replaced by a
 * rename, so a reader sees a whole old or a whole new file. Writers serialize on the module's
 * {@link ModuleLock} and re-read under it, so that no update is lost.
 */
final class RecordStore {
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
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
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
      throw new CacheException(
          "corrupt record "
              + file
              + " ("
              + e.getMessage()
              + "); delete it and the module will be fetched afresh",
          e);
    }
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
  @SuppressWarnings("try") // the lock is held for the block's duration, not used in it
  Change update(String module, Function<Optional<ModuleRecord>, ModuleRecord> change)
      throws RefreshFailure {
    try (ModuleLock lock = ModuleLock.acquire(module, layout.lock(module), lockWait)) {
      Optional<ModuleRecord> before = read(module);
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
}
