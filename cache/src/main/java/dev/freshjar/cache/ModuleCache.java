package dev.freshjar.cache;

import dev.freshjar.cache.maven.MavenArtifact;
import dev.freshjar.cache.maven.MavenRelease;
import dev.freshjar.cache.trust.AuthorSignature;
import dev.freshjar.cache.trust.SignatureFile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

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
  private final ObjectsLock objectsLock;
  private final MavenStep maven;
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
    this.objectsLock = ObjectsLock.of(layout.objectsLock());
    this.maven = new MavenStep(files, this::http, tmp);
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
   * ({@link Refresh.Pinned}), if the source's trust accepts its jar.
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
    if (record.isPresent() && record.get().pinned()) {
      return pinned(source, record.get(), current);
    }
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
    Optional<ModuleRecord> record;
    try {
      record = records.read(source.name());
    } catch (CacheException e) {
      return new Refresh.Unavailable(
          source.name(), reason + ", and its cache entry cannot be read: " + e.getMessage());
    }
    Optional<CachedJar> current = record.flatMap(this::currentJar);
    if (record.isPresent() && record.get().pinned()) {
      return pinned(source, record.get(), current);
    }
    return fallback(source, current, reason);
  }

  /**
   * What the cache holds for the module without asking its source: a fallback with the reason
   * "offline" (or the pinned jar) when the source's trust accepts the cached jar, or unavailable
   * saying why not.
   */
  public Refresh offline(ModuleSource source) {
    Optional<ModuleRecord> record;
    try {
      record = records.read(source.name());
    } catch (CacheException e) {
      return new Refresh.Unavailable(source.name(), e.getMessage());
    }
    Optional<CachedJar> current = record.flatMap(this::currentJar);
    if (record.isPresent() && record.get().pinned()) {
      return pinned(source, record.get(), current);
    }
    if (current.isEmpty()) {
      return new Refresh.Unavailable(source.name(), "not in the cache and --offline was given");
    }
    return fallback(source, current, "offline");
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
    return change(module, r -> r.withPinned(true));
  }

  /**
   * Lets refreshes move the module to its source's newest version again.
   *
   * @throws IllegalArgumentException when the cache has no such module
   * @throws CacheException when the record cannot be changed (busy, not writable, corrupt)
   */
  public ModuleEntry unpin(String module) {
    return change(module, r -> r.withPinned(false));
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
    ModuleSource.requireValidName(module);
    Optional<String> prefix = shaPrefix.map(ModuleCache::normalizedPrefix);
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

  /** Hashes every stored jar and checks that every version a record names is stored. */
  public VerifyReport verify() {
    return new CacheVerifier(layout, records).verify();
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

  private static IllegalArgumentException notCached(String module) {
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
      int current = r.history().indexOf(r.current());
      if (current + 1 >= r.history().size()) {
        throw new IllegalArgumentException(
            "module "
                + module
                + " has no cached version fetched before the current one ("
                + label(r.current())
                + ")"
                + listing);
      }
      return r.history().get(current + 1);
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
    if (matches.size() > 1) {
      throw new IllegalArgumentException(
          prefix.get()
              + " is ambiguous: it starts "
              + matches.stream().map(ModuleCache::label).toList()
              + "; give more digits");
    }
    return matches.get(0);
  }

  /** Refuses to make a version current whose stored jar is missing or is not what was fetched. */
  private void requireIntact(String module, ModuleRecord.Version v) {
    Path jar = layout.object(v.sha256());
    String sha;
    try {
      sha = HashingCopy.sha256Of(jar);
    } catch (NoSuchFileException e) {
      throw new CacheException(
          "cannot roll module "
              + module
              + " back to "
              + label(v)
              + ": its jar "
              + jar
              + " is no longer stored",
          e);
    } catch (IOException e) {
      throw new CacheException(
          "cannot roll module "
              + module
              + " back to "
              + label(v)
              + ": cannot read "
              + jar
              + ": "
              + e.getMessage(),
          e);
    }
    if (!sha.equals(v.sha256())) {
      throw new CacheException(
          "cannot roll module "
              + module
              + " back to "
              + label(v)
              + ": its jar "
              + jar
              + " is damaged (its content hashes to "
              + sha
              + "); 'freshjar cache verify'"
              + " checks the others");
    }
  }

  private static String label(ModuleRecord.Version v) {
    return (v.version().isEmpty() ? "?" : v.version()) + "/" + v.sha256().substring(0, 12);
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
    if (source.maven().isPresent()) {
      return fetchMaven(source, check, force, record, current, trusted);
    }
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
      rememberValidators(source.url(), record.get(), unchanged.validators());
      return new Refresh.Fresh(trusted.orElseThrow(), current);
    }
    FetchOutcome.Downloaded download = (FetchOutcome.Downloaded) outcome;
    try (TmpFile file = download.file()) {
      return install(
          source, check, download, Target.of(source, download), deadline, record, current, trusted);
    }
  }

  /**
   * Where an installed jar came from and what its record keeps: for a URL module, the URL and its
   * validators; for a Maven module, the release's jar URL, and the validators of the metadata.
   *
   * @param url where the jar is published; its signature is beside it
   * @param validatorsFor what {@code validators} belong to
   * @param validators what the source said identifies what it sent
   * @param release the Maven release, for a Maven module
   */
  private record Target(
      URI url, URI validatorsFor, Validators validators, Optional<MavenRelease> release) {
    static Target of(ModuleSource source, FetchOutcome.Downloaded download) {
      return new Target(source.url(), source.url(), download.validators(), Optional.empty());
    }
  }

  /**
   * A Maven module: {@link MavenStep} reads the metadata and, for a new release, downloads and
   * checksums its jar; from there on it is installed like a URL module's jar. A release once
   * installed is never downloaded again: releases are immutable.
   */
  private Refresh fetchMaven(
      ModuleSource source,
      JarCheck check,
      boolean force,
      Optional<ModuleRecord> record,
      Optional<CachedJar> current,
      Optional<CachedJar> trusted)
      throws RefreshFailure {
    MavenArtifact artifact = source.maven().orElseThrow();
    URI key = artifact.validatorsKey();
    boolean conditional = !force && trusted.isPresent() && record.get().url().equals(key);
    boolean file = "file".equalsIgnoreCase(source.url().getScheme());
    long deadline = file ? Long.MAX_VALUE : deadline(source);
    MavenStep.Plan plan =
        maven.plan(
            source,
            artifact,
            conditional ? record.get().validators() : Validators.NONE,
            trusted,
            deadline);
    if (plan instanceof MavenStep.Keep keep) {
      // Only ever planned against a trusted current version, so there is a record.
      rememberValidators(key, record.get(), keep.validators());
      return new Refresh.Fresh(trusted.orElseThrow(), current);
    }
    MavenStep.Fetch fetch = (MavenStep.Fetch) plan;
    Optional<ModuleRecord.Version> stored =
        record.flatMap(r -> storedRelease(source, r, artifact, fetch.version()));
    if (stored.isPresent()) {
      Optional<Refresh> reinstated = reinstate(source, stored.get(), key, fetch.validators());
      if (reinstated.isPresent()) {
        return reinstated.get();
      }
    }
    MavenStep.Install install = maven.download(source, artifact, fetch.version(), deadline);
    try (TmpFile jar = install.download().file()) {
      Target target =
          new Target(
              artifact.jarUrl(install.release().version()),
              key,
              fetch.validators(),
              Optional.of(install.release()));
      return install(source, check, install.download(), target, deadline, record, current, trusted);
    }
  }

  /**
   * The cached version that is {@code version} of {@code artifact}, when its jar is stored intact
   * and the source's trust accepts it: a release is immutable, so it is not downloaded again.
   */
  private Optional<ModuleRecord.Version> storedRelease(
      ModuleSource source, ModuleRecord record, MavenArtifact artifact, String version) {
    for (ModuleRecord.Version v : record.history()) {
      boolean same =
          v.release()
              .filter(r -> r.isVersionOf(artifact) && r.version().equals(version))
              .isPresent();
      if (same && Trust.distrust(source, v.toJar(record.module(), layout)).isEmpty()) {
        try {
          requireIntact(record.module(), v);
          return Optional.of(v);
        } catch (CacheException e) {
          // Damaged or gone: download it again, as if it had never been fetched.
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Makes a stored release current again, as installing it would, without downloading it; empty
   * when its jar is gone after all (a {@code cache gc} in between).
   */
  private Optional<Refresh> reinstate(
      ModuleSource source, ModuleRecord.Version stored, URI key, Validators validators)
      throws RefreshFailure {
    String module = source.name();
    RecordStore.Change change;
    // Held until the record names the jar again, so that gc cannot take it meanwhile.
    try (ObjectsLock.Held keeping = objectsLock.shared(settings.lockWait())) {
      if (!Files.isRegularFile(layout.object(stored.sha256()))) {
        return Optional.empty();
      }
      change =
          records.update(
              module,
              before -> {
                if (before.isEmpty()) {
                  throw new CacheException("the record of module " + module + " vanished");
                }
                if (before.get().pinned()) {
                  return before.get();
                }
                recheckNotOlder(source, stored, before);
                return before.get().reinstated(stored.sha256(), key, validators);
              });
    } catch (Downgrade e) {
      throw e.failure;
    }
    if (change.after().pinned()) {
      return Optional.of(pinned(source, change.after(), currentJar(change.after())));
    }
    return Optional.of(
        new Refresh.Fresh(stored.toJar(module, layout), change.before().flatMap(this::currentJar)));
  }

  private Refresh install(
      ModuleSource source,
      JarCheck check,
      FetchOutcome.Downloaded download,
      Target target,
      long deadline,
      Optional<ModuleRecord> record,
      Optional<CachedJar> current,
      Optional<CachedJar> trusted)
      throws RefreshFailure {
    String module = source.name();
    // A Maven release is recorded even when its bytes are the current jar's: it is what the next
    // refresh compares the metadata's choice with.
    if (target.release().isEmpty()
        && trusted.isPresent()
        && trusted.get().sha256().equals(download.sha256())) {
      rememberValidators(target.validatorsFor(), record.get(), target.validators());
      return new Refresh.Fresh(trusted.get(), current);
    }
    // Trust first: nothing of an unverified download is parsed or loaded.
    Trust.checkPinned(source, download.sha256(), download.from());
    Optional<AuthorSignature> signature = Optional.empty();
    if (source.authorKey().isPresent()) {
      URI signatureUrl = Trust.signatureUrl(target.url());
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
        JarVerifier.verify(
            download.file().path(), download.from().toString(), download.contentType());
    try {
      check.check(download.file().path());
    } catch (RejectedJarException e) {
      throw new RefreshFailure("rejected: " + e.getMessage() + " in " + download.from(), e);
    }
    ModuleRecord.Version version =
        new ModuleRecord.Version(
            download.sha256(),
            identity.title(),
            identity.version(),
            Instant.now().truncatedTo(ChronoUnit.MILLIS),
            target.url(),
            signature,
            target.release());
    RecordStore.Change change;
    // From storing the jar until a record names it, gc must not take it for garbage.
    try (ObjectsLock.Held adding = objectsLock.shared(settings.lockWait())) {
      try {
        objects.promote(download.file().path(), download.sha256());
      } catch (IOException e) {
        throw RefreshFailure.notWritable(e);
      }
      change =
          records.update(
              module,
              before -> {
                if (before.filter(ModuleRecord::pinned).isPresent()) {
                  return before.get();
                }
                // Another process may have installed a newer signed version meanwhile.
                recheckNotOlder(source, version, before);
                return ModuleRecord.installed(
                    before, module, version, target.validatorsFor(), target.validators());
              });
    } catch (Downgrade e) {
      throw e.failure;
    }
    if (change.after().pinned()) {
      // Pinned by the user while this refresh was downloading: the pin wins.
      return pinned(source, change.after(), currentJar(change.after()));
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
      try (TmpFile file = download.file()) {
        return Files.readAllBytes(file.path());
      } catch (IOException e) {
        throw new RefreshFailure("cannot read the downloaded " + url + ": " + e.getMessage(), e);
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
  private void rememberValidators(URI url, ModuleRecord record, Validators validators) {
    if (record.url().equals(url) && record.validators().equals(validators)) {
      return;
    }
    try {
      records.update(
          record.module(), before -> before.orElse(record).withValidators(url, validators));
    } catch (RefreshFailure e) {
      // The current jar is the newest either way; a record that keeps its old validators
      // (read-only cache, busy lock) only costs a full check next time.
    }
  }

  /**
   * A pinned module stays at its jar, provided the source's trust accepts that jar: a pin does not
   * make a jar trusted that the module's key or hash would refuse.
   */
  private static Refresh pinned(
      ModuleSource source, ModuleRecord record, Optional<CachedJar> current) {
    if (current.isEmpty()) {
      return new Refresh.Unavailable(
          record.module(),
          "pinned at "
              + record.current().sha256().substring(0, 12)
              + ", whose jar is missing from the cache; 'freshjar modules unpin "
              + record.module()
              + "' lets it be fetched again");
    }
    Optional<String> distrust = Trust.distrust(source, current.get());
    if (distrust.isPresent()) {
      return new Refresh.Unavailable(
          record.module(),
          "pinned, but "
              + distrust.get()
              + ", so it does not run; roll back to a version the module's key or sha256"
              + " accepts, or 'freshjar modules unpin "
              + record.module()
              + "'");
    }
    return new Refresh.Pinned(current.get());
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
