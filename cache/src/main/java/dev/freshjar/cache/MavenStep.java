package dev.freshjar.cache;

import dev.freshjar.cache.maven.ChecksumAlgorithm;
import dev.freshjar.cache.maven.MavenArtifact;
import dev.freshjar.cache.maven.MavenException;
import dev.freshjar.cache.maven.MavenRelease;
import dev.freshjar.cache.maven.RepositoryCredentials;
import dev.freshjar.cache.maven.Resolution;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The seam between a Maven module and the cache's fetch, verify and promote path. It reads the
 * artifact's metadata (conditionally), lets {@link Resolution} choose the version, and turns that
 * into either "the current jar stays" or one concrete jar, downloaded and checked against the
 * repository's checksum file; {@link ModuleCache} then installs that jar as it would a URL module's
 * (signature, jar checks, promotion, record).
 */
final class MavenStep {
  private final FileFetch files;
  private final Supplier<HttpFetch> http;
  private final TmpDir tmp;
  private final TmpDir metadata;
  private final TmpDir checksums;

  MavenStep(FileFetch files, Supplier<HttpFetch> http, TmpDir tmp) {
    this.files = files;
    this.http = http;
    this.tmp = tmp;
    this.metadata = tmp.withLimit(Resolution.MAX_METADATA_BYTES);
    this.checksums = tmp.withLimit(ChecksumAlgorithm.MAX_FILE_BYTES);
  }

  /** What a refresh of a Maven module does. */
  sealed interface Plan permits Keep, Fetch {}

  /**
   * The current jar stays: the metadata is unchanged, or its choice is the current release.
   *
   * @param validators what identifies the metadata now
   */
  record Keep(Validators validators) implements Plan {}

  /**
   * Another release is to run.
   *
   * @param version the release's version
   * @param validators what identifies the metadata now
   */
  record Fetch(String version, Validators validators) implements Plan {}

  /**
   * A new release, downloaded and checked against the repository's checksum, to install.
   *
   * @param release the release, with the checksum algorithm that verified it
   * @param download the jar, in {@code tmp/}: the caller closes it
   */
  record Install(MavenRelease release, FetchOutcome.Downloaded download) {}

  /**
   * Reads the metadata and chooses the release to run.
   *
   * @param validators the metadata's validators from the record, or none for a full read
   * @param trusted the current jar, when the module's trust accepts it
   */
  Plan plan(
      ModuleSource source,
      MavenArtifact artifact,
      Validators validators,
      Optional<CachedJar> trusted,
      long deadline)
      throws RefreshFailure {
    URI url = artifact.metadataUrl();
    byte[] bytes;
    Validators now;
    try {
      if (isFile(url)) {
        now = files.stat(url);
        Optional<byte[]> read = files.readIfChanged(url, validators, metadata);
        if (read.isEmpty()) {
          return new Keep(validators);
        }
        bytes = read.get();
      } else {
        FetchOutcome outcome = http.get().fetch(source, url, validators, deadline, metadata);
        if (outcome instanceof FetchOutcome.Unchanged unchanged) {
          return new Keep(unchanged.validators());
        }
        FetchOutcome.Downloaded d = (FetchOutcome.Downloaded) outcome;
        now = d.validators();
        bytes = d.readAndClose();
      }
    } catch (RefreshFailure e) {
      throw new RefreshFailure("no metadata: " + e.reason() + hint(source, artifact, e), e);
    }
    Resolution.Choice choice;
    try {
      choice =
          Resolution.choose(bytes, artifact, trusted.flatMap(CachedJar::release), url.toString());
    } catch (MavenException e) {
      throw new RefreshFailure(e.getMessage(), e);
    }
    if (choice instanceof Resolution.Keep) {
      return new Keep(now);
    }
    return new Fetch(((Resolution.Fetch) choice).version(), now);
  }

  /** Downloads {@code version}'s jar and checks it against the repository's checksum file. */
  Install download(ModuleSource source, MavenArtifact artifact, String version, long deadline)
      throws RefreshFailure {
    URI url = artifact.metadataUrl();
    Optional<Checksum> checksum = checksum(source, artifact, version, deadline);
    URI jar = artifact.jarUrl(version);
    FetchOutcome.Downloaded download;
    try {
      download =
          isFile(jar)
              ? (FetchOutcome.Downloaded) files.fetch(jar, Optional.empty(), Validators.NONE)
              : (FetchOutcome.Downloaded)
                  http.get().fetch(source, jar, Validators.NONE, deadline, tmp);
    } catch (RefreshFailure e) {
      throw new RefreshFailure(
          "version " + version + " is listed in " + url + ", but its jar: " + e.reason(), e);
    }
    try {
      verify(download, checksum);
    } catch (RefreshFailure e) {
      download.file().close();
      throw e;
    }
    MavenRelease release =
        new MavenRelease(
            artifact.groupId(),
            artifact.artifactId(),
            version,
            artifact.repository(),
            checksum.map(Checksum::algorithm));
    return new Install(release, download);
  }

  /** A checksum file's statement. */
  private record Checksum(ChecksumAlgorithm algorithm, String digest, URI from) {}

  /** The strongest checksum the repository publishes for the version's jar, if any. */
  private Optional<Checksum> checksum(
      ModuleSource source, MavenArtifact artifact, String version, long deadline)
      throws RefreshFailure {
    for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
      URI url = artifact.checksumUrl(version, algorithm);
      byte[] bytes;
      try {
        bytes = read(source, url, deadline);
      } catch (RefreshFailure e) {
        if (e.missing()) {
          continue;
        }
        throw new RefreshFailure("checksum not fetched: " + e.reason(), e);
      }
      try {
        return Optional.of(new Checksum(algorithm, algorithm.parse(bytes, url.toString()), url));
      } catch (MavenException e) {
        throw new RefreshFailure(e.getMessage(), e);
      }
    }
    return Optional.empty();
  }

  /** Refuses a jar whose digest is not the one the repository's checksum file states. */
  private static void verify(FetchOutcome.Downloaded download, Optional<Checksum> checksum)
      throws RefreshFailure {
    if (checksum.isEmpty()) {
      return;
    }
    Checksum c = checksum.get();
    String actual;
    try {
      // The copy already hashed the jar with SHA-256: read it again only for another algorithm.
      actual =
          c.algorithm() == ChecksumAlgorithm.SHA256
              ? download.sha256()
              : c.algorithm().digest(download.file().path());
    } catch (IOException e) {
      throw new RefreshFailure(
          "cannot read the downloaded " + download.from() + ": " + e.getMessage(), e);
    }
    if (!actual.equals(c.digest())) {
      throw new RefreshFailure(
          "checksum mismatch: "
              + download.from()
              + " has "
              + c.algorithm().extension()
              + " "
              + actual
              + ", but "
              + c.from()
              + " states "
              + c.digest()
              + " (a damaged or altered upload)");
    }
  }

  private byte[] read(ModuleSource source, URI url, long deadline) throws RefreshFailure {
    if (isFile(url)) {
      return files.readWhole(url, checksums);
    }
    return ((FetchOutcome.Downloaded)
            http.get().fetch(source, url, Validators.NONE, deadline, checksums))
        .readAndClose();
  }

  /** What to check when the metadata cannot be had. */
  private static String hint(ModuleSource source, MavenArtifact artifact, RefreshFailure e) {
    if ((e.status() == 401 || e.status() == 403)
        && e.answeredBy()
            .filter(u -> !RepositoryCredentials.mayReceive(artifact.repository(), u))
            .isPresent()) {
      // Blaming or asking for credentials would mislead: none are ever sent there.
      return "; a redirect led away from the repository, to "
          + e.answeredBy().get().getHost()
          + ", which freshjar never sends the repository's credentials to (only to its own"
          + " scheme, host and port): does the repository redirect where it should?";
    }
    if (e.status() == 401 || e.status() == 403) {
      String env =
          RepositoryCredentials.TOKEN_PREFIX
              + source.name().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
      return artifact
          .credentials()
          .map(c -> "; the repository refused the " + c)
          .orElse(
              "; the repository needs credentials: set "
                  + env
                  + ", or name a settings.xml server with server = ID");
    }
    if (e.missing()) {
      return "; is "
          + artifact.groupId()
          + ":"
          + artifact.artifactId()
          + " published in "
          + artifact.repository()
          + "?";
    }
    return "";
  }

  private static boolean isFile(URI url) {
    return "file".equalsIgnoreCase(url.getScheme());
  }
}
