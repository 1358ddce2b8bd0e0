package dev.freshjar.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cache verify}: every jar under {@code objects/} hashes to its name, and every version a
 * module record names has its jar stored. Reads only, takes no lock: jars are never rewritten and
 * records are replaced whole, and gc drops a version from its record before deleting its jar.
 */
final class CacheVerifier {
  private final CacheLayout layout;
  private final RecordStore records;

  CacheVerifier(CacheLayout layout, RecordStore records) {
    this.layout = layout;
    this.records = records;
  }

  VerifyReport verify() {
    List<String> problems = new ArrayList<>();
    DirectoryTrust.problem(layout).ifPresent(problems::add);
    // What repairs a damaged jar depends on whether a module runs it: update fetches a current
    // version again, while an older one no source serves any more, and gc drops it.
    Set<String> current = new HashSet<>();
    // The records' own problems are reported after the jars', module by module.
    List<Runnable> checkRecords = new ArrayList<>();
    int recordsRead = 0;
    for (String module : records.modules()) {
      recordsRead++;
      try {
        records
            .read(module)
            .ifPresent(
                r -> {
                  current.add(r.currentSha());
                  checkRecords.add(() -> checkVersions(r, problems));
                });
      } catch (CacheException e) {
        checkRecords.add(() -> problems.add(e.getMessage()));
      }
    }
    int jars = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(layout.objects())) {
      for (Path file : files) {
        Optional<String> sha = CacheLayout.objectSha(file);
        if (sha.isEmpty()) {
          problems.add(
              file + " does not belong in objects/ (not a jar named by its SHA-256): remove it");
          continue;
        }
        jars++;
        checkHash(file, sha.get(), current.contains(sha.get())).ifPresent(problems::add);
      }
    } catch (NoSuchFileException e) {
      // An empty cache: nothing stored, nothing to check.
    } catch (IOException e) {
      problems.add("cannot list " + layout.objects() + ": " + e.getMessage());
    }
    checkRecords.forEach(Runnable::run);
    return new VerifyReport(jars, recordsRead, problems);
  }

  private static Optional<String> checkHash(Path file, String sha, boolean current) {
    String actual;
    try {
      actual = HashingCopy.sha256Of(file);
    } catch (NoSuchFileException e) {
      return Optional.empty(); // deleted by gc since the listing
    } catch (IOException e) {
      return Optional.of("cannot read " + file + ": " + e.getMessage());
    }
    if (actual.equals(sha)) {
      return Optional.empty();
    }
    return Optional.of(
        file
            + " is damaged: its content hashes to "
            + actual
            + (current
                ? "; 'freshjar update' repairs it while its source serves it (or delete it, and"
                    + " 'freshjar update' fetches it again)"
                : "; no module runs it, and it can never run again: 'freshjar cache gc' removes"
                    + " it"));
  }

  private void checkVersions(ModuleRecord record, List<String> problems) {
    for (ModuleRecord.Version v : record.history()) {
      Path jar = layout.object(v.sha256());
      if (Files.isRegularFile(jar)) {
        ObjectIntegrity.foreign(v.toJar(record.module(), layout))
            .ifPresent(
                p ->
                    problems.add(
                        "module "
                            + record.module()
                            + ": version "
                            + label(v)
                            + ": "
                            + p
                            + "; it does not run as "
                            + record.module()
                            + "; delete "
                            + layout.record(record.module())
                            + " and 'freshjar update' fetches the module afresh"));
        continue;
      }
      boolean current = v.sha256().equals(record.currentSha());
      problems.add(
          "module "
              + record.module()
              + ": version "
              + label(v)
              + (current ? " (current)" : "")
              + " from "
              + v.url()
              + " has no stored jar "
              + jar
              + (current
                  ? "; 'freshjar update' repairs it while its source serves it"
                  : "; it cannot be rolled back to: 'freshjar cache gc' drops it from the"
                      + " history"));
    }
  }

  private static String label(ModuleRecord.Version v) {
    return CachedJar.label(v.version(), v.sha256());
  }
}
