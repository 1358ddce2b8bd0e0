package dev.freshjar.cache;

import dev.freshjar.cache.trust.AuthorSignature;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Installing a module's newest jar: a conditional GET (or a plain one), a bounded download, the
 * source's trust checks (expected SHA-256; the author's signature and anti-downgrade), verification
 * (a readable jar within bounds, then the launcher's check), an atomic promotion into {@code
 * objects/} and the new record. Throws {@link RefreshFailure} for anything that keeps the download
 * from becoming current. The trust checks themselves are {@link TrustChecks}.
 */
final class Installer {
  private final CacheLayout layout;
  private final Settings settings;
  private final TmpDir tmp;
  private final RecordStore records;
  private final ObjectStore objects;
  private final FileFetch files;
  private final ObjectsLock objectsLock;
  private final TrustChecks trust;
  private final MavenInstall maven;
  // Built on the first http(s) refresh: a run with only local modules never pays for it.
  private volatile HttpFetch http;

  Installer(CacheLayout layout, Settings settings, RecordStore records) {
    this.layout = layout;
    this.settings = settings;
    this.tmp = new TmpDir(layout.tmp(), settings.maxJarBytes());
    this.records = records;
    this.objects = new ObjectStore(layout);
    this.files = new FileFetch(tmp);
    this.objectsLock = ObjectsLock.of(layout.objectsLock());
    this.trust = new TrustChecks(layout, files, this::http);
    this.maven =
        new MavenInstall(
            this,
            trust,
            layout,
            settings,
            records,
            objectsLock,
            new MavenStep(files, this::http, tmp));
  }

  /**
   * What a refresh starts from.
   *
   * @param record the module's record, empty when it has none or (with {@code replaceCorrupt}) one
   *     that cannot be read
   * @param current the record's current jar, if its file is there (it may still be damaged)
   * @param intact whether {@code current} verifies
   * @param replaceCorrupt whether the record on disk is corrupt and is to be replaced
   */
  record Start(
      Optional<ModuleRecord> record,
      Optional<CachedJar> current,
      boolean intact,
      boolean replaceCorrupt) {}

  /**
   * Brings the module up to date, or says why not.
   *
   * @param repair whether a current jar that does not verify is fetched again in full, so that the
   *     download replaces it ({@code update}); otherwise the check is conditional as usual
   */
  Refresh fetchAndInstall(
      ModuleSource source, JarCheck check, boolean force, boolean repair, Start start)
      throws RefreshFailure {
    try {
      UrlPolicy.check(source);
    } catch (RefreshFailure e) {
      throw e.orKind(Cause.UNTRUSTED);
    }
    Optional<ModuleRecord> record = start.record();
    // A cached jar the source's trust no longer accepts (a key or hash configured since) is not
    // the version to compare against: fetch afresh and verify whatever the source has. Nor is a
    // damaged one, when repairing.
    Optional<CachedJar> trusted =
        start
            .current()
            .filter(jar -> start.intact() || !repair)
            .filter(jar -> Trust.distrust(source, jar).isEmpty());
    if (source.maven().isPresent()) {
      return maven.fetch(source, check, force, start, trusted);
    }
    FetchOutcome outcome;
    // Validators describe the current jar as served from the recorded URL only.
    boolean conditional = !force && trusted.isPresent() && record.get().url().equals(source.url());
    Validators validators = conditional ? record.get().validators() : Validators.NONE;
    boolean local = "file".equalsIgnoreCase(source.url().getScheme());
    long deadline = local ? Long.MAX_VALUE : deadline(source);
    try {
      outcome =
          local
              ? files.fetch(source, trusted.map(CachedJar::sha256), validators)
              : http().fetch(source, source.url(), validators, deadline, tmp);
    } catch (RefreshFailure e) {
      throw e.orKind(Cause.UNREACHABLE);
    }
    if (outcome instanceof FetchOutcome.Unchanged unchanged) {
      // Only ever reported against a trusted current version, so there is a record.
      rememberValidators(source.url(), record.get(), unchanged.validators());
      return new Refresh.Fresh(trusted.orElseThrow(), start.current());
    }
    FetchOutcome.Downloaded download = (FetchOutcome.Downloaded) outcome;
    try (TmpFile file = download.file()) {
      return install(
          source, check, download, InstallTarget.of(source, download), deadline, start, trusted);
    }
  }

  /** Trusts, verifies, stores and records a downloaded jar; see the class comment. */
  Refresh install(
      ModuleSource source,
      JarCheck check,
      FetchOutcome.Downloaded download,
      InstallTarget target,
      long deadline,
      Start start,
      Optional<CachedJar> trusted)
      throws RefreshFailure {
    String module = source.name();
    Optional<ModuleRecord> record = start.record();
    // A Maven release is recorded even when its bytes are the current jar's: it is what the next
    // refresh compares the metadata's choice with.
    if (target.release().isEmpty()
        && trusted.isPresent()
        && trusted.get().sha256().equals(download.sha256())) {
      rememberValidators(target.validatorsFor(), record.get(), target.validators());
      return new Refresh.Fresh(trusted.get(), start.current());
    }
    // Trust first: nothing of an unverified download is parsed or loaded.
    Optional<AuthorSignature> signature;
    try {
      signature = trust.check(source, download, target.url(), deadline, trusted);
    } catch (RefreshFailure e) {
      throw e.orKind(Cause.UNTRUSTED);
    }
    JarVerifier.Identity identity;
    try {
      identity =
          JarVerifier.verify(
              download.file().path(), download.from().toString(), download.contentType(), settings);
    } catch (RefreshFailure e) {
      throw e.orKind(Cause.REJECTED);
    }
    RejectedJars.check(
        module, download.sha256(), download.file().path(), check, download.from().toString());
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
    boolean repaired;
    // From storing the jar until a record names it, gc must not take it for garbage.
    try (ObjectsLock.Held adding = objectsLock.shared(settings.lockWait())) {
      try {
        repaired = objects.promote(download.file().path(), download.sha256());
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
                trust.recheckNotOlder(source, version, before);
                return ModuleRecord.installed(
                    before, module, version, target.validatorsFor(), target.validators());
              },
              start.replaceCorrupt());
    } catch (TrustChecks.Downgrade e) {
      throw e.failure();
    }
    return refreshed(module, change, version, repaired);
  }

  /**
   * What a record change that made {@code version} current comes to: the pin, when the user pinned
   * the module meanwhile (the pin wins), else {@code version}, fresh.
   */
  Refresh refreshed(
      String module, RecordStore.Change change, ModuleRecord.Version version, boolean repaired) {
    if (change.after().pinned()) {
      return new Refresh.Pinned(change.after().current().toJar(module, layout));
    }
    Optional<CachedJar> previous =
        change.before().map(r -> r.current().toJar(module, layout)).filter(j -> exists(j));
    return new Refresh.Fresh(version.toJar(module, layout), previous, repaired);
  }

  private static boolean exists(CachedJar jar) {
    return Files.isRegularFile(jar.jar());
  }

  static long deadline(ModuleSource source) throws RefreshFailure {
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
  void rememberValidators(URI url, ModuleRecord record, Validators validators) {
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
