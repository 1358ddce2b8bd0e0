package dev.freshjar.cache;

import dev.freshjar.cache.trust.AuthorSignature;
import dev.freshjar.cache.trust.SignatureFile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
  // The same directory with a much smaller limit: a signature is a few hundred bytes.
  private final TmpDir signatures;
  private final RecordStore records;
  private final ObjectStore objects;
  private final FileFetch files;
  // Built on the first http(s) refresh: a run with only local modules never pays for it.
  private volatile HttpFetch http;

  private ModuleCache(CacheLayout layout, Settings settings) {
    this.layout = layout;
    this.settings = settings;
    this.tmp = new TmpDir(layout.tmp(), settings.maxJarBytes());
    this.signatures = new TmpDir(layout.tmp(), SignatureFile.MAX_BYTES);
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
   * force}), a bounded download, the source's trust checks (expected SHA-256; the author's
   * signature, fetched from beside the jar, and anti-downgrade), verification with {@code check},
   * an atomic promotion. Never throws for a network or content problem: those become a {@link
   * Refresh.Fallback} or {@link Refresh.Unavailable} with the reason. {@code force} skips the
   * conditional GET, never a trust check.
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
      return fallback(source, current, e.reason());
    } catch (CacheException e) {
      // The record turned corrupt while this refresh ran.
      return fallback(source, current, e.getMessage());
    }
  }

  /**
   * The module's current jar, as a fallback with {@code reason}, when it may run under {@code
   * source}'s trust; otherwise unavailable with {@code reason} and why the cached jar may not run.
   * For a caller that gave up on a refresh (a deadline passed).
   */
  public Refresh fallback(ModuleSource source, String reason) {
    Optional<CachedJar> current;
    try {
      current = current(source.name());
    } catch (CacheException e) {
      return new Refresh.Unavailable(
          source.name(), reason + ", and its cache entry cannot be read: " + e.getMessage());
    }
    return fallback(source, current, reason);
  }

  /**
   * What the cache holds for the module without asking its source: a fallback with the reason
   * "offline" when the cached jar may run under {@code source}'s trust, or unavailable saying why
   * not.
   */
  public Refresh offline(ModuleSource source) {
    Optional<CachedJar> current;
    try {
      current = current(source.name());
    } catch (CacheException e) {
      return new Refresh.Unavailable(source.name(), e.getMessage());
    }
    if (current.isEmpty()) {
      return new Refresh.Unavailable(source.name(), "not in the cache and --offline was given");
    }
    return fallback(source, current, "offline");
  }

  /**
   * Makes a version the cache already holds current again, as an explicit rollback by the user
   * does: no source is asked and there is no anti-downgrade check, but the version must still be
   * one the source's trust accepts (the pinned jar; verified with the module's key). The version's
   * signature facts come along, so that they are the baseline of the next refresh's anti-downgrade
   * check. The source's validators are forgotten, so that the next refresh looks at what the source
   * has instead of being told "unchanged".
   *
   * @param sha256 the version's hash
   * @return the version now current
   * @throws CacheException when the cache holds no such version, the source's trust refuses it, or
   *     the record cannot be written
   */
  public CachedJar makeCurrent(ModuleSource source, String sha256) {
    String module = source.name();
    ModuleRecord before =
        records
            .read(module)
            .orElseThrow(() -> new CacheException("module " + module + " was never fetched"));
    ModuleRecord.Version version =
        before
            .version(sha256)
            .orElseThrow(
                () ->
                    new CacheException(
                        "module " + module + " has no cached version with sha256 " + sha256));
    CachedJar jar = version.toJar(module, layout);
    if (!Files.isRegularFile(jar.jar())) {
      throw new CacheException(
          "version " + sha256 + " of module " + module + " is no longer in the cache");
    }
    Optional<String> distrust = Trust.distrust(source, jar);
    if (distrust.isPresent()) {
      throw new CacheException("cannot make it current: " + distrust.get());
    }
    try {
      records.update(module, latest -> latest.orElse(before).withCurrent(version.sha256()));
    } catch (RefreshFailure e) {
      throw new CacheException(e.reason(), e);
    }
    return jar;
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
    // A cached jar the source's trust no longer accepts (a key or hash configured since) is not
    // the version to compare against: fetch afresh and verify whatever the source has.
    Optional<CachedJar> trusted = current.filter(jar -> Trust.distrust(source, jar).isEmpty());
    FetchOutcome outcome;
    // Validators describe the current jar as served from the recorded URL only.
    boolean conditional = !force && trusted.isPresent() && record.get().url().equals(source.url());
    Validators validators = conditional ? record.get().validators() : Validators.NONE;
    long deadline;
    if ("file".equalsIgnoreCase(source.url().getScheme())) {
      deadline = Long.MAX_VALUE;
      outcome = files.fetch(source, trusted.map(CachedJar::sha256), validators);
    } else {
      deadline = deadline(source);
      outcome = http().fetch(source, source.url(), validators, deadline, tmp);
    }
    if (outcome instanceof FetchOutcome.Unchanged unchanged) {
      // Only ever reported against a trusted current version, so there is a record.
      rememberValidators(source, record.get(), unchanged.validators());
      return new Refresh.Fresh(trusted.orElseThrow(), current);
    }
    FetchOutcome.Downloaded download = (FetchOutcome.Downloaded) outcome;
    try {
      return install(source, check, download, deadline, record, current, trusted);
    } finally {
      TmpDir.delete(download.file());
    }
  }

  private Refresh install(
      ModuleSource source,
      JarCheck check,
      FetchOutcome.Downloaded download,
      long deadline,
      Optional<ModuleRecord> record,
      Optional<CachedJar> current,
      Optional<CachedJar> trusted)
      throws RefreshFailure {
    String module = source.name();
    if (trusted.isPresent() && trusted.get().sha256().equals(download.sha256())) {
      rememberValidators(source, record.get(), download.validators());
      return new Refresh.Fresh(trusted.get(), current);
    }
    // Trust first: nothing of an unverified download is parsed or loaded.
    Trust.checkPinned(source, download.sha256(), download.from());
    Optional<AuthorSignature> signature = Optional.empty();
    if (source.authorKey().isPresent()) {
      URI signatureUrl = Trust.signatureUrl(source.url());
      byte[] bytes = fetchSignature(source, signatureUrl, deadline);
      signature =
          Optional.of(
              Trust.verify(
                  source,
                  bytes,
                  signatureUrl,
                  download.sha256(),
                  download.from(),
                  trusted.flatMap(CachedJar::signature),
                  Instant.now()));
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
            source.url(),
            signature);
    RecordStore.Change change;
    try {
      change =
          records.update(
              module,
              before -> {
                // Another process may have installed a newer signed version meanwhile.
                recheckNotOlder(source, version, before);
                return ModuleRecord.installed(before, module, version, download.validators());
              });
    } catch (Downgrade e) {
      throw e.failure;
    }
    return new Refresh.Fresh(
        version.toJar(module, layout), change.before().flatMap(this::currentJar));
  }

  private void recheckNotOlder(
      ModuleSource source, ModuleRecord.Version version, Optional<ModuleRecord> latest) {
    if (version.signature().isEmpty() || latest.isEmpty()) {
      return;
    }
    Optional<CachedJar> now =
        currentJar(latest.get()).filter(jar -> Trust.distrust(source, jar).isEmpty());
    Optional<AuthorSignature> baseline = now.flatMap(CachedJar::signature);
    if (baseline.isPresent()) {
      try {
        Trust.checkNotOlder(version.signature().get(), baseline.get(), version.url());
      } catch (RefreshFailure e) {
        throw new Downgrade(e);
      }
    }
  }

  /** Carries a refused downgrade out of a record update. */
  private static final class Downgrade extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient RefreshFailure failure;

    Downgrade(RefreshFailure failure) {
      super(failure.reason(), failure, false, false);
      this.failure = failure;
    }
  }

  /** Fetches the signature at {@code url}, under the same policy and deadline as the jar. */
  private byte[] fetchSignature(ModuleSource source, URI url, long deadline) throws RefreshFailure {
    try {
      if ("file".equalsIgnoreCase(url.getScheme())) {
        return files.readWhole(url, signatures);
      }
      FetchOutcome.Downloaded download =
          (FetchOutcome.Downloaded)
              http().fetch(source, url, Validators.NONE, deadline, signatures);
      try {
        return Files.readAllBytes(download.file());
      } catch (IOException e) {
        throw new RefreshFailure("cannot read the downloaded " + url + ": " + e.getMessage(), e);
      } finally {
        TmpDir.delete(download.file());
      }
    } catch (RefreshFailure e) {
      throw new RefreshFailure(
          "signature not fetched: "
              + e.reason()
              + " (module "
              + source.name()
              + " accepts only jars signed by key "
              + source.authorKey().orElseThrow().fingerprint()
              + ")",
          e);
    }
  }

  private static long deadline(ModuleSource source) throws RefreshFailure {
    Duration timeout = source.timeout();
    if (timeout.isNegative() || timeout.isZero()) {
      throw new RefreshFailure("cannot fetch " + source.url() + ": its timeout is not positive");
    }
    return System.nanoTime() + timeout.toNanos();
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

  private static Refresh fallback(ModuleSource source, Optional<CachedJar> current, String reason) {
    if (current.isEmpty()) {
      return new Refresh.Unavailable(source.name(), reason);
    }
    Optional<String> distrust = Trust.distrust(source, current.get());
    if (distrust.isPresent()) {
      return new Refresh.Unavailable(
          source.name(), reason + "; " + distrust.get() + ", so it does not run");
    }
    return new Refresh.Fallback(current.get(), reason);
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
          h = HttpFetch.create(settings.httpClient());
          http = h;
        }
      }
    }
    return h;
  }
}
