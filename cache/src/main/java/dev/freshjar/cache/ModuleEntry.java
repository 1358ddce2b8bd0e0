package dev.freshjar.cache;

import java.net.URI;
import java.util.List;

/**
 * What the cache holds for one module.
 *
 * @param module the module's name
 * @param url the source it was last fetched from
 * @param current the version that runs
 * @param pinned whether the user pinned {@code current}: updates leave it there and do not ask the
 *     source
 * @param history every version the cache keeps, newest fetch first, {@code current} among them;
 *     each one's jar should be stored ({@code cache verify} checks)
 */
public record ModuleEntry(
    String module, URI url, CachedJar current, boolean pinned, List<CachedJar> history) {
  public ModuleEntry {
    history = List.copyOf(history);
  }

  static ModuleEntry of(ModuleRecord record, CacheLayout layout) {
    String module = record.module();
    return new ModuleEntry(
        module,
        record.url(),
        record.current().toJar(module, layout),
        record.pinned(),
        record.history().stream().map(v -> v.toJar(module, layout)).toList());
  }
}
