package dev.freshjar.cache;

import dev.freshjar.cache.trust.AuthorSignature;
import dev.freshjar.cache.trust.SignatureFile;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The trust checks of an install: a download's pinned hash and author's signature, and the
 * anti-downgrade recheck against what another process may have installed meanwhile.
 */
final class TrustChecks {
  private final CacheLayout layout;
  private final FileFetch files;
  private final Supplier<HttpFetch> http;
  // The cache's tmp directory with a much smaller limit: a signature is a few hundred bytes.
  private final TmpDir signatures;

  TrustChecks(CacheLayout layout, FileFetch files, Supplier<HttpFetch> http) {
    this.layout = layout;
    this.files = files;
    this.http = http;
    this.signatures = new TmpDir(layout.tmp(), SignatureFile.MAX_BYTES);
  }

  /**
   * The source's trust checks of a download, before anything of it is parsed: the pinned SHA-256,
   * then, for a module with an author key, its signature, fetched beside the jar.
   *
   * @return what the verified signature said, when the module requires one
   */
  Optional<AuthorSignature> check(
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

  /**
   * Inside a record update: refuses {@code version} when another process has meanwhile made a newer
   * signed version current, by throwing {@link Downgrade}.
   */
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
      return ((FetchOutcome.Downloaded)
              http.get().fetch(source, url, Validators.NONE, deadline, signatures))
          .readAndClose();
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

  private static boolean exists(CachedJar jar) {
    return Files.isRegularFile(jar.jar());
  }
}
