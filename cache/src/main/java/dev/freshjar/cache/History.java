package dev.freshjar.cache;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The user's say over a module's versions: pin, unpin, rollback. Changes the record only. */
final class History {
  private final CacheLayout layout;
  private final RecordStore records;

  History(CacheLayout layout, RecordStore records) {
    this.layout = layout;
    this.records = records;
  }

  ModuleEntry pin(String module) {
    return change(module, r -> r.withPinned(true));
  }

  ModuleEntry unpin(String module) {
    return change(module, r -> r.withPinned(false));
  }

  Rollback rollback(String module, Optional<String> shaPrefix) {
    ModuleSource.requireValidName(module);
    Optional<String> prefix = shaPrefix.map(History::normalizedPrefix);
    Optional<RecordStore.Change> change;
    try {
      change =
          records.tidy(
              module,
              r -> {
                ModuleRecord.Version target = rollbackTarget(r, prefix);
                requireIntact(module, target);
                return r.rolledBackTo(target.sha256());
              });
    } catch (RefreshFailure e) {
      throw new CacheException(e.getMessage(), e);
    }
    RecordStore.Change c = change.orElseThrow(() -> notCached(module));
    return new Rollback(
        c.before().orElseThrow().current().toJar(module, layout),
        c.after().current().toJar(module, layout));
  }

  private ModuleEntry change(String module, UnaryOperator<ModuleRecord> how) {
    ModuleSource.requireValidName(module);
    try {
      return records
          .tidy(module, how)
          .map(c -> ModuleEntry.of(c.after(), layout))
          .orElseThrow(() -> notCached(module));
    } catch (RefreshFailure e) {
      throw new CacheException(e.getMessage(), e);
    }
  }

  static IllegalArgumentException notCached(String module) {
    return new IllegalArgumentException(
        "module " + module + " is not in the cache: it was never fetched");
  }

  private static String normalizedPrefix(String prefix) {
    String p = prefix.strip().toLowerCase(Locale.ROOT);
    if (!p.matches("[0-9a-f]{6,64}")) {
      throw new IllegalArgumentException(
          "'"
              + prefix
              + "' is not a SHA-256 prefix: give at least 6 hex digits of a version's sha256");
    }
    return p;
  }

  private static ModuleRecord.Version rollbackTarget(ModuleRecord r, Optional<String> prefix) {
    String module = r.module();
    String listing = "; 'freshjar modules history " + module + "' lists the cached versions";
    if (prefix.isEmpty()) {
      // The next older jar: another release name of the current bytes is no way back.
      List<ModuleRecord.Version> older =
          r.history().subList(r.history().indexOf(r.current()) + 1, r.history().size()).stream()
              .filter(v -> !v.sha256().equals(r.currentSha()))
              .toList();
      if (older.isEmpty()) {
        throw new IllegalArgumentException(
            "module "
                + module
                + " has no cached version fetched before the current one ("
                + label(r.current())
                + ")"
                + listing);
      }
      return older.get(0);
    }
    List<ModuleRecord.Version> matches =
        r.history().stream().filter(v -> v.sha256().startsWith(prefix.get())).toList();
    if (matches.isEmpty()) {
      throw new IllegalArgumentException(
          "module "
              + module
              + " has no cached version whose sha256 starts with "
              + prefix.get()
              + listing);
    }
    if (matches.stream().map(ModuleRecord.Version::sha256).distinct().count() > 1) {
      throw new IllegalArgumentException(
          prefix.get()
              + " is ambiguous: it starts "
              + matches.stream().map(History::label).toList()
              + "; give more digits");
    }
    return matches.get(0);
  }

  /** Refuses to make a version current whose stored jar is missing or is not what was fetched. */
  private void requireIntact(String module, ModuleRecord.Version v) {
    Path jar = layout.object(v.sha256());
    String sha;
    String cannot = "cannot roll module " + module + " back to " + label(v);
    try {
      sha = HashingCopy.sha256Of(jar);
    } catch (NoSuchFileException e) {
      throw new CacheException(cannot + ": its jar " + jar + " is no longer stored", e);
    } catch (IOException e) {
      throw new CacheException(cannot + ": cannot read " + jar + ": " + e.getMessage(), e);
    }
    if (!sha.equals(v.sha256())) {
      throw new CacheException(
          cannot
              + ": its jar "
              + jar
              + " is damaged (its content hashes to "
              + sha
              + "); 'freshjar cache verify'"
              + " checks the others");
    }
  }

  private static String label(ModuleRecord.Version v) {
    return CachedJar.label(v.version(), v.sha256());
  }
}
