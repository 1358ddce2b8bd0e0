package dev.freshjar.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The local store of module jars (layout in DESIGN.md): content-addressed jars under {@code
 * objects/}, one record per module under {@code modules/}, downloads in progress under {@code
 * tmp/}. Safe to use from several threads and several processes at once.
 */
public final class ModuleCache {
  private final CacheLayout layout;
  private final Settings settings;
  private final TmpDir tmp;
  private final RecordStore records;
  private final ObjectStore objects;
  private final FileFetch files;
  // Built on the first http(s) refresh: a run with only local modules never pays for it.
  private volatile HttpFetch http;

  private ModuleCache(CacheLayout layout, Settings settings) {
    this.layout = layout;
    this.settings = settings;
    this.tmp = new TmpDir(layout.tmp(), settings.maxJarBytes());
    this.records = new RecordStore(layout, settings.lockWait());
    this.objects = new ObjectStore(layout);
    this.files = new FileFetch(tmp);
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
      }
    } catch (IOException e) {
      throw new CacheException(
          "cannot create the cache directory " + dir + ": " + e.getMessage(), e);
    }
    if (!Files.isReadable(dir)) {
      throw new CacheException("cannot read the cache directory " + dir);
    }
    CacheLayout layout = new CacheLayout(dir);
    for (Path sub : List.of(layout.objects(), layout.modules(), layout.tmp())) {
      try {
        if (!Files.isDirectory(sub)) {
          Files.createDirectories(sub);
        }
      } catch (IOException e) {
        // A read-only cache still serves what it holds; a write that needs the directory
        // reports "cache not writable" when it happens.
      }
    }
    TmpDir.sweep(layout.tmp(), "");
    TmpDir.sweep(layout.modules(), ".");
    return new ModuleCache(layout, settings);
  }

  /** The cache's directory. */
  public Path root() {
    return layout.root();
  }

  /**
   * Brings the module up to date from its source: a conditional GET (or a plain one when {@code
   * force}), a bounded download, verification with {@code check}, an atomic promotion. Never throws
   * for a network or content problem: those become a {@link Refresh.Fallback} or {@link
   * Refresh.Unavailable} with the reason.
   */
  public Refresh refresh(ModuleSource source, JarCheck check, boolean force) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(check, "check");
    String module = source.name();
    Optional<ModuleRecord> record;
    try {
      record = records.read(module);
    } catch (CacheException e) {
      return new Refresh.Unavailable(module, e.getMessage());
    }
    Optional<CachedJar> current = record.flatMap(this::currentJar);
    try {
      return fetchAndInstall(source, check, force, record, current);
    } catch (RefreshFailure e) {
      return fallback(module, current, e.reason());
    } catch (CacheException e) {
      // The record turned corrupt while this refresh ran.
      return fallback(module, current, e.getMessage());
    }
  }

  /**
   * What the cache holds for the module without asking its source: a fallback with the reason
   * "offline", or unavailable.
   */
  public Refresh offline(String module) {
    Optional<CachedJar> current;
    try {
      current = current(module);
    } catch (CacheException e) {
      return new Refresh.Unavailable(module, e.getMessage());
    }
    return current
        .<Refresh>map(jar -> new Refresh.Fallback(jar, "offline"))
        .orElseGet(
            () -> new Refresh.Unavailable(module, "not in the cache and --offline was given"));
  }

  /**
   * The module's current jar, if it was ever fetched.
   *
   * @throws CacheException when the module's record is corrupt
   */
  public Optional<CachedJar> current(String module) {
    ModuleSource.requireValidName(module);
    return records.read(module).flatMap(this::currentJar);
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

  private Refresh fetchAndInstall(
      ModuleSource source,
      JarCheck check,
      boolean force,
      Optional<ModuleRecord> record,
      Optional<CachedJar> current)
      throws RefreshFailure {
    UrlPolicy.check(source);
    FetchOutcome outcome;
    // Validators describe the current jar as served from the recorded URL only.
    boolean conditional = !force && current.isPresent() && record.get().url().equals(source.url());
    Validators validators = conditional ? record.get().validators() : Validators.NONE;
    if ("file".equalsIgnoreCase(source.url().getScheme())) {
      outcome = files.fetch(source, current.map(CachedJar::sha256), validators);
    } else {
      outcome = http().fetch(source, validators);
    }
    if (outcome instanceof FetchOutcome.Unchanged unchanged) {
      // Only ever reported against a current version, so there is a record.
      rememberValidators(source, record.get(), unchanged.validators());
      return new Refresh.Fresh(current.orElseThrow(), current);
    }
    FetchOutcome.Downloaded download = (FetchOutcome.Downloaded) outcome;
    try {
      return install(source, check, download, record, current);
    } finally {
      TmpDir.delete(download.file());
    }
  }

  private Refresh install(
      ModuleSource source,
      JarCheck check,
      FetchOutcome.Downloaded download,
      Optional<ModuleRecord> record,
      Optional<CachedJar> current)
      throws RefreshFailure {
    String module = source.name();
    if (current.isPresent() && current.get().sha256().equals(download.sha256())) {
      rememberValidators(source, record.get(), download.validators());
      return new Refresh.Fresh(current.get(), current);
    }
    JarVerifier.Identity identity =
        JarVerifier.verify(download.file(), download.from().toString(), download.contentType());
    try {
      check.check(download.file());
    } catch (RejectedJarException e) {
      throw new RefreshFailure("rejected: " + e.getMessage() + " in " + download.from(), e);
    }
    try {
      objects.promote(download.file(), download.sha256());
    } catch (IOException e) {
      throw RefreshFailure.notWritable(e);
    }
    ModuleRecord.Version version =
        new ModuleRecord.Version(
            download.sha256(),
            identity.title(),
            identity.version(),
            Instant.now().truncatedTo(ChronoUnit.MILLIS),
            source.url());
    RecordStore.Change change =
        records.update(
            module,
            before -> ModuleRecord.installed(before, module, version, download.validators()));
    return new Refresh.Fresh(
        version.toJar(module, layout), change.before().flatMap(this::currentJar));
  }

  /**
   * The source still has the current jar, perhaps under new validators (a forced refresh, a server
   * without validators, a changed URL, a touched file): keep them, so that the next refresh can be
   * conditional.
   */
  private void rememberValidators(ModuleSource source, ModuleRecord record, Validators validators) {
    if (record.url().equals(source.url()) && record.validators().equals(validators)) {
      return;
    }
    try {
      records.update(
          source.name(), before -> before.orElse(record).withValidators(source.url(), validators));
    } catch (RefreshFailure e) {
      // The current jar is the newest either way; a record that keeps its old validators
      // (read-only cache, busy lock) only costs a full check next time.
    }
  }

  private Refresh fallback(String module, Optional<CachedJar> current, String reason) {
    return current
        .<Refresh>map(jar -> new Refresh.Fallback(jar, reason))
        .orElseGet(() -> new Refresh.Unavailable(module, reason));
  }

  /** The record's current jar, unless its object has gone missing. */
  private Optional<CachedJar> currentJar(ModuleRecord record) {
    CachedJar jar = record.current().toJar(record.module(), layout);
    return Files.isRegularFile(jar.jar()) ? Optional.of(jar) : Optional.empty();
  }

  private HttpFetch http() {
    HttpFetch h = http;
    if (h == null) {
      synchronized (this) {
        h = http;
        if (h == null) {
          h = HttpFetch.create(settings.httpClient(), tmp);
          http = h;
        }
      }
    }
    return h;
  }
}
