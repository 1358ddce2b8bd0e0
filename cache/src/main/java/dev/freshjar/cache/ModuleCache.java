package dev.freshjar.cache;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The local store of module jars (layout in DESIGN.md): content-addressed jars under {@code
 * objects/}, one record per module under {@code modules/}, downloads in progress under {@code
 * tmp/}. Safe to use from several threads and several processes at once.
 *
 * <p>A facade: {@link Installer} brings a module up to date, {@link JarChoice} decides which jar a
 * run uses, {@link History} pins, unpins and rolls back, {@link CacheVerifier} and {@link
 * GarbageCollector} keep house. No jar is handed out to run whose bytes do not hash to its name and
 * whose manifest is not what its record says ({@link ObjectIntegrity}), nor from a cache whose
 * directories others may write ({@link DirectoryTrust}).
 */
public final class ModuleCache {
  private final CacheLayout layout;
  private final Settings settings;
  private final RecordStore records;
  private final Installer installer;
  private final JarChoice choice;
  private final History history;
  // Checked once: the directories' owners and modes do not change under a run.
  private volatile Optional<String> untrusted;

  private ModuleCache(CacheLayout layout, Settings settings) {
    this.layout = layout;
    this.settings = settings;
    this.records = new RecordStore(layout, settings.lockWait());
    this.installer = new Installer(layout, settings, records);
    this.choice = new JarChoice(layout, ObjectIntegrity::problem);
    this.history = new History(layout, records);
  }

  /**
   * Opens (creating if needed) the cache at {@code root}.
   *
   * @throws CacheException when the directory cannot be created or read
   */
  public static ModuleCache open(Path root) {
    return open(root, Settings.DEFAULTS);
  }

  static ModuleCache open(Path root, Settings settings) {
    Path dir = root.toAbsolutePath().normalize();
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir);
        DirectoryTrust.restrictCreated(dir, true);
      }
    } catch (FileAlreadyExistsException e) {
      // What createDirectories throws when a file sits where the directory (or a parent) must be.
      throw new CacheException("the cache directory " + dir + " is not a directory", e);
    } catch (IOException e) {
      throw new CacheException(
          "cannot create the cache directory " + dir + ": " + RefreshFailure.describe(e), e);
    }
    if (!Files.isReadable(dir)) {
      throw new CacheException("cannot read the cache directory " + dir);
    }
    CacheLayout layout = new CacheLayout(dir);
    for (Path sub : List.of(layout.objects(), layout.modules(), layout.tmp())) {
      try {
        if (!Files.isDirectory(sub)) {
          Files.createDirectories(sub);
          DirectoryTrust.restrictCreated(sub, false);
        }
      } catch (IOException e) {
        // A read-only cache still serves what it holds; a write that needs the directory
        // reports "cache not writable" when it happens.
      }
    }
    TmpDir.sweepDownloads(layout.tmp());
    TmpDir.sweepStale(layout.modules(), ".");
    return new ModuleCache(layout, settings);
  }

  /** The cache's directory. */
  public Path root() {
    return layout.root();
  }

  /**
   * Brings the module up to date from its source: a conditional GET (or a plain one when {@code
   * force}), a bounded download, the source's trust checks (expected SHA-256; the author's
   * signature, fetched from beside the jar, and anti-downgrade), verification with {@code check},
   * an atomic promotion. Never throws for a network or content problem: those become a {@link
   * Refresh.Fallback} or {@link Refresh.Unavailable} with the reason. {@code force} skips the
   * conditional GET, never a trust check. A pinned module is not fetched: it stays where it is
   * ({@link Refresh.Pinned}), if the source's trust accepts its jar. The jar handed out has just
   * been verified (see the class comment); a current jar that does not verify is replaced by the
   * newest older one that does, with the reason.
   */
  public Refresh refresh(ModuleSource source, JarCheck check, boolean force) {
    return refresh(source, check, force, false);
  }

  /**
   * Like {@link #refresh}, and repairs what a refresh only reports: a current jar that does not
   * verify is fetched again in full, so that the download replaces it, and a record that cannot be
   * read (not UTF-8, corrupt) is replaced by one made from a fresh download, the old file kept
   * beside it as {@code NAME.record.corrupt}. What {@code freshjar update} does.
   */
  public Refresh update(ModuleSource source, JarCheck check, boolean force) {
    return refresh(source, check, force, true);
  }

  private Refresh refresh(ModuleSource source, JarCheck check, boolean force, boolean repair) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(check, "check");
    String module = source.name();
    Optional<String> refused = untrusted();
    if (refused.isPresent()) {
      return new Refresh.Unavailable(module, refused.get(), Cause.UNTRUSTED);
    }
    Optional<ModuleRecord> record;
    boolean replaceCorrupt = false;
    try {
      record = records.read(module);
    } catch (CorruptRecordException e) {
      if (!repair) {
        return new Refresh.Unavailable(module, e.getMessage(), Cause.CORRUPT_RECORD);
      }
      record = Optional.empty();
      replaceCorrupt = true;
    } catch (CacheException e) {
      return new Refresh.Unavailable(module, e.getMessage(), Cause.CORRUPT_RECORD);
    }
    if (record.isPresent() && record.get().pinned()) {
      return choice.pinned(source, record.get());
    }
    Optional<CachedJar> current =
        record
            .map(r -> r.current().toJar(module, layout))
            .filter(j -> Files.isRegularFile(j.jar()));
    boolean intact = current.isPresent() && ObjectIntegrity.problem(current.get()).isEmpty();
    Refresh outcome;
    try {
      outcome =
          installer.fetchAndInstall(
              source,
              check,
              force,
              repair,
              new Installer.Start(record, current, intact, replaceCorrupt));
    } catch (RefreshFailure e) {
      return choice.without(record, source, e.kind(), e.reason());
    } catch (CorruptRecordException e) {
      // The record turned corrupt while this refresh ran.
      return new Refresh.Unavailable(module, e.getMessage(), Cause.CORRUPT_RECORD);
    } catch (CacheException e) {
      return choice.without(record, source, Cause.OTHER, e.getMessage());
    }
    if (outcome instanceof Refresh.Pinned) {
      // Pinned by the user while this refresh was downloading: the pin wins, if it may run.
      return records.read(module).map(r -> choice.pinned(source, r)).orElse(outcome);
    }
    return choice.handOut(outcome, record, source);
  }

  /**
   * Why a refresh of {@code module} that is still running is stuck in the cache rather than at its
   * source, if it is: it is waiting for the module's lock, which another process holds.
   */
  public Optional<String> stuck(String module) {
    Path lock = layout.lock(module);
    if (!ModuleLock.awaited(lock)) {
      return Optional.empty();
    }
    return Optional.of(
        "another freshjar process holds the lock "
            + lock
            + " of module "
            + module
            + " and has not let go; it may be stopped (Ctrl-Z) or hung");
  }

  /**
   * The module's current jar, as a fallback with {@code reason}, when it verifies and may run under
   * {@code source}'s trust; otherwise the newest older one that does, or unavailable with {@code
   * reason} and why no cached jar may run. For a caller that gave up on a refresh.
   */
  public Refresh fallback(ModuleSource source, Cause cause, String reason) {
    return fromRecord(
        source,
        e -> reason + ", and its cache entry cannot be read: " + e.getMessage(),
        record -> choice.without(record, source, cause, reason));
  }

  /**
   * What the cache holds for the module without asking its source: a fallback with the reason
   * "offline" (or the pinned jar) when a cached jar verifies and the source's trust accepts it, or
   * unavailable saying why not.
   */
  public Refresh offline(ModuleSource source) {
    return fromRecord(
        source,
        CacheException::getMessage,
        record ->
            record.isEmpty()
                ? new Refresh.Unavailable(
                    source.name(), "not in the cache and --offline was given", Cause.OFFLINE)
                : choice.without(record, source, Cause.OFFLINE, "offline"));
  }

  /**
   * What {@code choose} makes of the module's record, without asking its source; unavailable when
   * the cache's directory is not to be trusted or the record cannot be read.
   */
  private Refresh fromRecord(
      ModuleSource source,
      Function<CacheException, String> unreadable,
      Function<Optional<ModuleRecord>, Refresh> choose) {
    Optional<String> refused = untrusted();
    if (refused.isPresent()) {
      return new Refresh.Unavailable(source.name(), refused.get(), Cause.UNTRUSTED);
    }
    Optional<ModuleRecord> record;
    try {
      record = records.read(source.name());
    } catch (CacheException e) {
      return new Refresh.Unavailable(source.name(), unreadable.apply(e), Cause.CORRUPT_RECORD);
    }
    return choose.apply(record);
  }

  /**
   * The module's current jar, if it was ever fetched.
   *
   * @throws CacheException when the module's record is corrupt
   */
  public Optional<CachedJar> current(String module) {
    ModuleSource.requireValidName(module);
    return records
        .read(module)
        .map(r -> r.current().toJar(module, layout))
        .filter(j -> Files.isRegularFile(j.jar()));
  }

  /**
   * Every version of the module the cache has fetched, newest first, each once; empty when it was
   * never fetched. The current version is among them, not necessarily first.
   *
   * @throws CacheException when the module's record is corrupt
   */
  public List<CachedJar> history(String module) {
    ModuleSource.requireValidName(module);
    return records
        .read(module)
        .map(r -> r.history().stream().map(v -> v.toJar(module, layout)).toList())
        .orElse(List.of());
  }

  /** The modules the cache has a record of, by name. */
  public List<String> modules() {
    return records.modules();
  }

  /**
   * What the cache holds for the module: its current version, whether it is pinned, its history.
   *
   * @throws CacheException when the module's record is corrupt
   */
  public Optional<ModuleEntry> entry(String module) {
    ModuleSource.requireValidName(module);
    return records.read(module).map(r -> ModuleEntry.of(r, layout));
  }

  /**
   * Pins the module at its current version: refreshes leave it there and do not ask its source.
   *
   * @throws IllegalArgumentException when the cache has no such module
   * @throws CacheException when the record cannot be changed (busy, not writable, corrupt)
   */
  public ModuleEntry pin(String module) {
    return history.pin(module);
  }

  /**
   * Lets refreshes move the module to its source's newest version again.
   *
   * @throws IllegalArgumentException when the cache has no such module
   * @throws CacheException when the record cannot be changed (busy, not writable, corrupt)
   */
  public ModuleEntry unpin(String module) {
    return history.unpin(module);
  }

  /**
   * Makes an earlier cached version current and pins it there, so that the next update does not
   * bring the newer one straight back. The version's stored jar is hashed first: a damaged or
   * missing jar is refused.
   *
   * @param shaPrefix the version's SHA-256 or an unambiguous prefix of at least 6 hex digits; empty
   *     for the version fetched before the current one
   * @throws IllegalArgumentException when there is no such module or version, or the prefix is
   *     ambiguous or malformed
   * @throws CacheException when the jar is damaged or the record cannot be changed
   */
  public Rollback rollback(String module, Optional<String> shaPrefix) {
    return history.rollback(module, shaPrefix);
  }

  /**
   * Keeps the newest {@code keep} versions of each module and its current one; deletes every jar no
   * module keeps.
   *
   * @throws IllegalArgumentException when {@code keep} is less than 1
   * @throws CacheException when a record is corrupt or cannot be changed, or a jar cannot be
   *     deleted; no jar a record names is deleted in any case
   */
  public GcReport gc(int keep) {
    try {
      return new GarbageCollector(layout, records, settings.lockWait()).collect(keep);
    } catch (RefreshFailure e) {
      throw new CacheException(e.getMessage(), e);
    }
  }

  /**
   * Hashes every stored jar, checks that every version a record names is stored and is that
   * module's jar, and that others cannot write the cache's directories.
   */
  public VerifyReport verify() {
    return new CacheVerifier(layout, records).verify();
  }

  private Optional<String> untrusted() {
    Optional<String> u = untrusted;
    if (u == null) {
      u = DirectoryTrust.problem(layout);
      untrusted = u;
    }
    return u;
  }
}
