package dev.freshjar.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cache gc}: first trims each module's history under that module's lock (the newest versions
 * and the current one stay), then, holding the {@link ObjectsLock} exclusively so that no refresh
 * is between storing a jar and recording it, deletes the jars no module's history names.
 */
final class GarbageCollector {
  private final CacheLayout layout;
  private final RecordStore records;
  private final Duration lockWait;

  GarbageCollector(CacheLayout layout, RecordStore records, Duration lockWait) {
    this.layout = layout;
    this.records = records;
    this.lockWait = lockWait;
  }

  /**
   * @throws CacheException when a record is corrupt (then no jar is deleted: it might name them)
   */
  GcReport collect(int keep) throws RefreshFailure {
    if (keep < 1) {
      throw new IllegalArgumentException("must keep at least 1 version per module, not " + keep);
    }
    Map<String, List<CachedJar>> dropped = new LinkedHashMap<>();
    Map<String, List<LostVersion>> lost = new LinkedHashMap<>();
    for (String module : records.modules()) {
      Map<String, LostVersion.Damage> damage = new HashMap<>();
      Optional<RecordStore.Change> change =
          records.tidy(
              module,
              r -> {
                damage.putAll(lostJars(r));
                return r.pruned(keep, damage.keySet());
              });
      change.ifPresent(
          c -> {
            List<CachedJar> gone = new ArrayList<>();
            List<LostVersion> gonePastUse = new ArrayList<>();
            for (ModuleRecord.Version v : c.before().orElseThrow().history()) {
              if (c.after().version(v.sha256()).isEmpty()) {
                CachedJar jar = v.toJar(module, layout);
                LostVersion.Damage why = damage.get(v.sha256());
                if (why == null) {
                  gone.add(jar);
                } else {
                  gonePastUse.add(new LostVersion(jar, why));
                }
              }
            }
            if (!gone.isEmpty()) {
              dropped.put(module, gone);
            }
            if (!gonePastUse.isEmpty()) {
              lost.put(module, gonePastUse);
            }
          });
    }
    List<String> deleted = new ArrayList<>();
    long freed = 0;
    try (ObjectsLock.Held held = ObjectsLock.of(layout.objectsLock()).exclusive(lockWait)) {
      // Read again under the lock: a refresh may have recorded a jar since the loop above.
      Set<String> named = new HashSet<>();
      for (String module : records.modules()) {
        records.read(module).ifPresent(r -> r.history().forEach(v -> named.add(v.sha256())));
      }
      try (DirectoryStream<Path> jars = Files.newDirectoryStream(layout.objects())) {
        for (Path jar : jars) {
          Optional<String> sha = CacheLayout.objectSha(jar);
          if (sha.isPresent() && !named.contains(sha.get())) {
            long size = Files.size(jar);
            Files.delete(jar);
            deleted.add(sha.get());
            freed += size;
          }
        }
      } catch (NoSuchFileException e) {
        // No objects/ at all: nothing to delete.
      }
      if (!deleted.isEmpty()) {
        AtomicFiles.syncDirectory(layout.objects());
      }
    } catch (IOException e) {
      throw RefreshFailure.notWritable(e);
    }
    return new GcReport(dropped, lost, deleted, freed);
  }

  /**
   * The versions of {@code record} other than the current one whose jars can never run again:
   * missing from {@code objects/}, or no longer hashing to their name. A jar that cannot be read
   * for another reason (permissions) is left for {@code cache verify} to name.
   */
  private Map<String, LostVersion.Damage> lostJars(ModuleRecord record) {
    Map<String, LostVersion.Damage> lost = new HashMap<>();
    for (ModuleRecord.Version v : record.history()) {
      if (v.sha256().equals(record.currentSha())) {
        continue;
      }
      Path jar = layout.object(v.sha256());
      try {
        if (!HashingCopy.sha256Of(jar).equals(v.sha256())) {
          lost.put(v.sha256(), LostVersion.Damage.DAMAGED);
        }
      } catch (NoSuchFileException e) {
        lost.put(v.sha256(), LostVersion.Damage.MISSING);
      } catch (IOException e) {
        // Not known to be lost: kept, and reported by cache verify.
      }
    }
    return lost;
  }
}
