package dev.freshjar.cache;

import dev.freshjar.cache.trust.AuthorSignature;
import dev.freshjar.cache.trust.SignatureFile;
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
 * from becoming current.
 */
final class Installer {
  private final CacheLayout layout;
  private final Settings settings;
  private final TmpDir tmp;
  // The same directory with a much smaller limit: a signature is a few hundred bytes.
  private final TmpDir signatures;
  private final RecordStore records;
  private final ObjectStore objects;
  private final FileFetch files;
  private final ObjectsLock objectsLock;
  private final MavenInstall maven;
  // Built on the first http(s) refresh: a run with only local modules never pays for it.
  private volatile HttpFetch http;

  Installer(CacheLayout layout, Settings settings, RecordStore records) {
    this.layout = layout;
    this.settings = settings;
    this.tmp = new TmpDir(layout.tmp(), settings.maxJarBytes());
    this.signatures = new TmpDir(layout.tmp(), SignatureFile.MAX_BYTES);
    this.records = records;
    this.objects = new ObjectStore(layout);
    this.files = new FileFetch(tmp);
    this.objectsLock = ObjectsLock.of(layout.objectsLock());
    this.maven =
        new MavenInstall(
            this, layout, settings, records, objectsLock, new MavenStep(files, this::http, tmp));
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
    long deadline;
    if ("file".equalsIgnoreCase(source.url().getScheme())) {
      deadline = Long.MAX_VALUE;
      try {
        outcome = files.fetch(source, trusted.map(CachedJar::sha256), validators);
      } catch (RefreshFailure e) {
        throw e.orKind(Cause.UNREACHABLE);
      }
    } else {
      deadline = deadline(source);
      try {
        outcome = http().fetch(source, source.url(), validators, deadline, tmp);
      } catch (RefreshFailure e) {
        throw e.orKind(Cause.UNREACHABLE);
      }
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
      signature = checkTrust(source, download, target.url(), deadline, trusted);
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
        download.sha256(), download.file().path(), check, download.from().toString());
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
                recheckNotOlder(source, version, before);
                return ModuleRecord.installed(
                    before, module, version, target.validatorsFor(), target.validators());
              },
              start.replaceCorrupt());
    } catch (Downgrade e) {
      throw e.failure;
    }
    if (change.after().pinned()) {
      // Pinned by the user while this refresh was downloading: the pin wins.
      return new Refresh.Pinned(change.after().current().toJar(module, layout));
    }
    Optional<CachedJar> previous =
        change.before().map(r -> r.current().toJar(module, layout)).filter(j -> exists(j));
    return new Refresh.Fresh(version.toJar(module, layout), previous, repaired);
  }

  private static boolean exists(CachedJar jar) {
    return Files.isRegularFile(jar.jar());
  }

  private Optional<AuthorSignature> checkTrust(
      ModuleSource source,
      FetchOutcome.Downloaded download,
      URI jarUrl,
      long deadline,
      Optional<CachedJar> trusted)
      throws RefreshFailure {
    Trust.checkPinned(source, download.sha256(), download.from());
    if (source.authorKey().isEmpty()) {
      return Optional.empty();
    }
    URI signatureUrl = Trust.signatureUrl(jarUrl);
    byte[] bytes = fetchSignature(source, signatureUrl, deadline);
    return Optional.of(
        Trust.verify(
            source,
            bytes,
            signatureUrl,
            download.sha256(),
            download.from(),
            trusted.flatMap(CachedJar::signature),
            Instant.now()));
  }

  void recheckNotOlder(
      ModuleSource source, ModuleRecord.Version version, Optional<ModuleRecord> latest) {
    if (version.signature().isEmpty() || latest.isEmpty()) {
      return;
    }
    CachedJar now = latest.get().current().toJar(latest.get().module(), layout);
    if (!exists(now) || Trust.distrust(source, now).isPresent()) {
      return;
    }
    Optional<AuthorSignature> baseline = now.signature();
    if (baseline.isPresent()) {
      try {
        Trust.checkNotOlder(version.signature().get(), baseline.get(), version.url());
      } catch (RefreshFailure e) {
        throw new Downgrade(e.orKind(Cause.UNTRUSTED));
      }
    }
  }

  /** Carries a refused downgrade out of a record update. */
  static final class Downgrade extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient RefreshFailure failure;

    Downgrade(RefreshFailure failure) {
      super(failure.reason(), failure, false, false);
      this.failure = failure;
    }

    RefreshFailure failure() {
      return failure;
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
          e,
          Cause.UNTRUSTED);
    }
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
