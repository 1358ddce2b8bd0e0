package dev.freshjar.cache;

import dev.freshjar.cache.maven.MavenArtifact;
import java.net.URI;
import java.nio.file.Files;
import java.util.Optional;

/**
 * A Maven module's refresh: {@link MavenStep} reads the metadata and, for a new release, downloads
 * and checksums its jar; from there on the {@link Installer} installs it as a URL module's jar. A
 * release once installed is never downloaded again (releases are immutable): a stored, intact copy
 * is made current instead.
 */
final class MavenInstall {
  private final Installer installer;
  private final TrustChecks trust;
  private final CacheLayout layout;
  private final Settings settings;
  private final RecordStore records;
  private final ObjectsLock objectsLock;
  private final MavenStep step;

  MavenInstall(
      Installer installer,
      TrustChecks trust,
      CacheLayout layout,
      Settings settings,
      RecordStore records,
      ObjectsLock objectsLock,
      MavenStep step) {
    this.installer = installer;
    this.trust = trust;
    this.layout = layout;
    this.settings = settings;
    this.records = records;
    this.objectsLock = objectsLock;
    this.step = step;
  }

  Refresh fetch(
      ModuleSource source,
      JarCheck check,
      boolean force,
      Installer.Start start,
      Optional<CachedJar> trusted)
      throws RefreshFailure {
    MavenArtifact artifact = source.maven().orElseThrow();
    Optional<ModuleRecord> record = start.record();
    URI key = artifact.validatorsKey();
    boolean conditional = !force && trusted.isPresent() && record.get().url().equals(key);
    boolean file = "file".equalsIgnoreCase(source.url().getScheme());
    long deadline = file ? Long.MAX_VALUE : Installer.deadline(source);
    MavenStep.Plan plan;
    try {
      plan =
          step.plan(
              source,
              artifact,
              conditional ? record.get().validators() : Validators.NONE,
              trusted,
              deadline);
    } catch (RefreshFailure e) {
      throw e.orKind(Cause.UNREACHABLE);
    }
    if (plan instanceof MavenStep.Keep keep) {
      // Only ever planned against a trusted current version, so there is a record.
      installer.rememberValidators(key, record.get(), keep.validators());
      return new Refresh.Fresh(trusted.orElseThrow(), start.current());
    }
    MavenStep.Fetch fetch = (MavenStep.Fetch) plan;
    Optional<ModuleRecord.Version> stored =
        record.flatMap(r -> storedRelease(source, r, artifact, fetch.version()));
    if (stored.isPresent()) {
      Optional<Refresh> reinstated =
          reinstate(source, stored.get(), key, fetch.validators(), start.replaceCorrupt());
      if (reinstated.isPresent()) {
        return reinstated.get();
      }
    }
    MavenStep.Install install;
    try {
      install = step.download(source, artifact, fetch.version(), deadline);
    } catch (RefreshFailure e) {
      throw e.orKind(Cause.UNREACHABLE);
    }
    try (TmpFile jar = install.download().file()) {
      InstallTarget target =
          new InstallTarget(
              artifact.jarUrl(install.release().version()),
              key,
              fetch.validators(),
              Optional.of(install.release()));
      return installer.install(source, check, install.download(), target, deadline, start, trusted);
    }
  }

  /**
   * The cached version that is {@code version} of {@code artifact}, when its jar is stored intact
   * and the source's trust accepts it.
   */
  private Optional<ModuleRecord.Version> storedRelease(
      ModuleSource source, ModuleRecord record, MavenArtifact artifact, String version) {
    for (ModuleRecord.Version v : record.history()) {
      boolean same =
          v.release()
              .filter(r -> r.isVersionOf(artifact) && r.version().equals(version))
              .isPresent();
      CachedJar jar = v.toJar(record.module(), layout);
      if (same && Trust.distrust(source, jar).isEmpty()) {
        // Damaged or gone: download it again, as if it had never been fetched.
        return Files.isRegularFile(jar.jar()) && ObjectIntegrity.problem(jar).isEmpty()
            ? Optional.of(v)
            : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Makes a stored release current again, as installing it would, without downloading it; empty
   * when its jar is gone after all (a {@code cache gc} in between).
   */
  private Optional<Refresh> reinstate(
      ModuleSource source,
      ModuleRecord.Version stored,
      URI key,
      Validators validators,
      boolean replaceCorrupt)
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
                trust.recheckNotOlder(source, stored, before);
                return before.get().reinstated(stored, key, validators);
              },
              replaceCorrupt);
    } catch (TrustChecks.Downgrade e) {
      throw e.failure();
    }
    return Optional.of(installer.refreshed(module, change, stored, false));
  }
}
