package dev.freshjar.cache;

import java.util.List;
import java.util.Map;

/**
 * What {@code cache gc} removed.
 *
 * @param dropped per module, the old versions taken out of its history to keep the newest, in
 *     history order
 * @param lost per module, the versions taken out of its history because their jars can never run
 *     again (missing or damaged), in history order
 * @param deletedJars the hashes of the jars deleted from {@code objects/}: those no module's
 *     history names any more
 * @param bytesFreed the size of the deleted jars
 */
public record GcReport(
    Map<String, List<CachedJar>> dropped,
    Map<String, List<LostVersion>> lost,
    List<String> deletedJars,
    long bytesFreed) {
  public GcReport {
    dropped = Map.copyOf(dropped);
    lost = Map.copyOf(lost);
    deletedJars = List.copyOf(deletedJars);
  }
}
