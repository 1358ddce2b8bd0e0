package dev.freshjar.cache;

import java.util.List;
import java.util.Map;

/**
 * What {@code cache gc} removed.
 *
 * @param dropped per module, the versions taken out of its history, in history order
 * @param deletedJars the hashes of the jars deleted from {@code objects/}: those no module's
 *     history names any more
 * @param bytesFreed the size of the deleted jars
 */
public record GcReport(
    Map<String, List<CachedJar>> dropped, List<String> deletedJars, long bytesFreed) {
  public GcReport {
    dropped = Map.copyOf(dropped);
    deletedJars = List.copyOf(deletedJars);
  }
}
