package dev.freshjar.cache;

import dev.freshjar.cache.maven.MavenRelease;
import dev.freshjar.cache.trust.AuthorSignature;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the cache knows about one module: where it comes from, the validators for a conditional GET,
 * which version is current and every version fetched so far (newest first). Immutable; a change
 * makes a new record that {@link RecordStore} writes in place of the old one.
 *
 * @param module the module's name
 * @param url the source the validators belong to
 * @param validators the ETag and Last-Modified the source last sent for {@code url}
 * @param currentSha the hash of the current version; one of {@code history}
 * @param pinned whether the user fixed the current version ({@code modules pin}): a refresh leaves
 *     it current and does not ask the source
 * @param history every version fetched, newest first, each hash once; except that a jar published
 *     as several Maven releases (a re-release of the same bytes) keeps one entry per release, and
 *     the current version is the first entry with {@code currentSha}
 */
record ModuleRecord(
    String module,
    URI url,
    Validators validators,
    String currentSha,
    boolean pinned,
    List<Version> history) {

  /**
   * One fetched version of a module.
   *
   * @param sha256 the jar's hash, its name under {@code objects/}
   * @param title the manifest's Implementation-Title, or empty
   * @param version the manifest's Implementation-Version, or empty
   * @param fetchedAt when it was downloaded
   * @param url where it was downloaded from
   * @param signature what its author's verified signature said, when one was required
   * @param release the Maven release it is, for a module from a Maven repository
   */
  record Version(
      String sha256,
      String title,
      String version,
      Instant fetchedAt,
      URI url,
      Optional<AuthorSignature> signature,
      Optional<MavenRelease> release) {
    Version {
      Objects.requireNonNull(sha256, "sha256");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(fetchedAt, "fetchedAt");
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(signature, "signature");
      Objects.requireNonNull(release, "release");
    }

    CachedJar toJar(String module, CacheLayout layout) {
      return new CachedJar(
          module,
          sha256,
          layout.object(sha256),
          title,
          version,
          url,
          fetchedAt,
          signature,
          release);
    }
  }

  ModuleRecord {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(validators, "validators");
    Objects.requireNonNull(currentSha, "currentSha");
    history = List.copyOf(history);
    if (find(history, currentSha).isEmpty()) {
      throw new IllegalArgumentException(
          "current version " + currentSha + " is not in the history");
    }
  }

  /** A new record, or an update of {@code before}, whose current version is {@code installed}. */
  static ModuleRecord installed(
      Optional<ModuleRecord> before, String module, Version installed, Validators validators) {
    return installed(before, module, installed, installed.url(), validators);
  }

  /** As above, with {@code validators} belonging to {@code validatorsFor}, not the jar's URL. */
  static ModuleRecord installed(
      Optional<ModuleRecord> before,
      String module,
      Version installed,
      URI validatorsFor,
      Validators validators) {
    List<Version> history = new ArrayList<>();
    history.add(installed);
    before.ifPresent(
        r -> r.history.stream().filter(v -> !sameVersion(v, installed)).forEach(history::add));
    boolean pinned = before.map(ModuleRecord::pinned).orElse(false);
    return new ModuleRecord(module, validatorsFor, validators, installed.sha256(), pinned, history);
  }

  /**
   * Whether {@code a} and {@code b} are one version: the same bytes, under the same Maven release
   * name if either has one. A release re-published with the bytes of another stays a version of its
   * own, so that no release the module ran as is forgotten.
   */
  private static boolean sameVersion(Version a, Version b) {
    return a.sha256().equals(b.sha256())
        && a.release()
            .map(MavenRelease::coordinates)
            .equals(b.release().map(MavenRelease::coordinates));
  }

  /** The same record with the validators the source sent for {@code url}. */
  ModuleRecord withValidators(URI url, Validators validators) {
    return new ModuleRecord(module, url, validators, currentSha, pinned, history);
  }

  /**
   * The same record with the stored version {@code stored} current again, and the validators the
   * source sent for {@code url}: a Maven release chosen again is not downloaded again. Among the
   * releases with its bytes, {@code stored} moves first, as the one current.
   */
  ModuleRecord reinstated(Version stored, URI url, Validators validators) {
    List<Version> reordered = new ArrayList<>(history);
    int first = reordered.indexOf(find(history, stored.sha256()).orElse(stored));
    if (reordered.remove(stored) && first >= 0) {
      reordered.add(first, stored);
    }
    return new ModuleRecord(module, url, validators, stored.sha256(), pinned, reordered);
  }

  /** The same record, pinned or not. */
  ModuleRecord withPinned(boolean pin) {
    return new ModuleRecord(module, url, validators, currentSha, pin, history);
  }

  /**
   * The same record with {@code sha256} current and pinned. The validators go: they describe the
   * jar that was current, and sent back they would make the source answer "not modified" for it.
   */
  ModuleRecord rolledBackTo(String sha256) {
    return new ModuleRecord(module, url, Validators.NONE, sha256, true, history);
  }

  /**
   * The same record keeping the newest {@code keep} jars and the current one, each with every
   * release name it has (gc frees jars; a name costs nothing).
   */
  ModuleRecord pruned(int keep) {
    return pruned(keep, Set.of());
  }

  /**
   * The same record without the versions {@code lost} other than the current one (their jars can
   * never run again; the current one is for {@code update} to repair), then keeping the newest
   * {@code keep} jars of the rest and the current one, as {@link #pruned(int)} does.
   */
  ModuleRecord pruned(int keep, Set<String> lost) {
    List<Version> kept = new ArrayList<>();
    Set<String> jars = new HashSet<>();
    for (Version v : history) {
      boolean current = v.sha256().equals(currentSha);
      if (!current && lost.contains(v.sha256())) {
        continue;
      }
      if (jars.contains(v.sha256()) || jars.size() < keep || current) {
        jars.add(v.sha256());
        kept.add(v);
      }
    }
    return new ModuleRecord(module, url, validators, currentSha, pinned, kept);
  }

  Version current() {
    return version(currentSha).orElseThrow();
  }

  Optional<Version> version(String sha256) {
    return find(history, sha256);
  }

  // A loop, not a stream: this runs on every start, and a stream's first use costs milliseconds.
  private static Optional<Version> find(List<Version> history, String sha256) {
    for (Version v : history) {
      if (v.sha256().equals(sha256)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
