package dev.freshjar.cache;

import java.util.Optional;
import java.util.function.Function;

/**
 * Which jar a run uses, decided from what the cache knows alone: the module's record, its source's
 * trust, why the source was not used (if it was not), and whether each stored jar verifies. Pure
 * but for {@code integrity}, which the caller supplies (hashing is {@link ObjectIntegrity}'s).
 */
final class JarChoice {
  private final CacheLayout layout;
  private final Function<CachedJar, Optional<String>> integrity;

  /**
   * @param integrity why a stored jar must not run (damaged, missing, another module's), or empty
   */
  JarChoice(CacheLayout layout, Function<CachedJar, Optional<String>> integrity) {
    this.layout = layout;
    this.integrity = integrity;
  }

  /**
   * What runs when the source could not be used (or was not asked): the current jar if it verifies
   * and the source's trust accepts it, else the newest older one that does, else nothing.
   */
  Refresh without(Optional<ModuleRecord> record, ModuleSource source, Cause cause, String reason) {
    if (record.isEmpty()) {
      return new Refresh.Unavailable(source.name(), reason, cause);
    }
    if (record.get().pinned()) {
      return pinned(source, record.get());
    }
    Why why = new Why(cause, reason);
    // With no older version that verifies, the current jar is offered as it is: the loader
    // refuses it as it opens it, saying why (CachedJar.damage), and modules shows which it was.
    return usable(record.get(), source, Optional.of(why))
        .orElseGet(() -> foreign(record.get()).orElseGet(() -> offered(record.get(), source, why)));
  }

  /**
   * Unavailable when the record's current jar is another module's: that code must not run under
   * this name, and no loader could tell. A damaged jar, by contrast, is offered as it is, and the
   * launcher refuses it as it opens it ({@link CachedJar#damage}).
   */
  private Optional<Refresh> foreign(ModuleRecord record) {
    CachedJar current = record.current().toJar(record.module(), layout);
    return ObjectIntegrity.foreign(current)
        .map(
            problem ->
                new Refresh.Unavailable(record.module(), damaged(current, problem), Cause.DAMAGED));
  }

  private Refresh offered(ModuleRecord record, ModuleSource source, Why why) {
    CachedJar current = record.current().toJar(record.module(), layout);
    Optional<String> distrust = Trust.distrust(source, current);
    if (distrust.isPresent()) {
      return new Refresh.Unavailable(
          record.module(),
          why.reason() + "; " + distrust.get() + ", so it does not run",
          Cause.UNTRUSTED);
    }
    if (!java.nio.file.Files.isRegularFile(current.jar())) {
      return new Refresh.Unavailable(record.module(), why.reason(), why.cause());
    }
    return new Refresh.Fallback(current, why.reason(), why.cause());
  }

  /**
   * {@code fresh} as handed out to run: when its jar does not verify, the newest older version that
   * does runs instead (a fallback saying why), or none.
   */
  Refresh handOut(Refresh fresh, Optional<ModuleRecord> record, ModuleSource source) {
    Optional<CachedJar> jar = fresh.jar();
    if (jar.isEmpty() || integrity.apply(jar.get()).isEmpty()) {
      return fresh;
    }
    if (record.isEmpty() || !record.get().currentSha().equals(jar.get().sha256())) {
      // Just installed and already damaged: nothing older is a better answer than saying so.
      return new Refresh.Unavailable(
          source.name(), damaged(jar.get(), integrity.apply(jar.get()).get()), Cause.DAMAGED);
    }
    if (fresh instanceof Refresh.Pinned) {
      return pinned(source, record.get());
    }
    return usable(record.get(), source, Optional.empty())
        .orElseGet(() -> foreign(record.get()).orElse(fresh));
  }

  /**
   * A pinned module stays at its jar, provided it verifies and the source's trust accepts it: a pin
   * does not make a jar trusted that the module's key or hash would refuse.
   */
  Refresh pinned(ModuleSource source, ModuleRecord record) {
    CachedJar jar = record.current().toJar(record.module(), layout);
    Optional<String> problem = integrity.apply(jar);
    if (problem.isPresent() && !java.nio.file.Files.isRegularFile(jar.jar())) {
      return new Refresh.Unavailable(
          record.module(),
          "pinned at "
              + record.current().sha256().substring(0, 12)
              + ", whose jar is missing from the cache; 'freshjar modules unpin "
              + record.module()
              + "' lets it be fetched again",
          Cause.DAMAGED);
    }
    if (problem.isPresent()) {
      return new Refresh.Unavailable(
          record.module(),
          "pinned, but "
              + damaged(jar, problem.get())
              + "; or 'freshjar modules unpin "
              + record.module()
              + "' and update",
          Cause.DAMAGED);
    }
    Optional<String> distrust = Trust.distrust(source, jar);
    if (distrust.isPresent()) {
      return new Refresh.Unavailable(
          record.module(),
          "pinned, but "
              + distrust.get()
              + ", so it does not run; roll back to a version the module's key or sha256"
              + " accepts, or 'freshjar modules unpin "
              + record.module()
              + "'",
          Cause.UNTRUSTED);
    }
    return new Refresh.Pinned(jar);
  }

  private record Why(Cause cause, String reason) {}

  /**
   * The current jar when it verifies (as a fallback for {@code why}; unavailable when the source's
   * trust refuses it), else the newest older version that verifies; empty when none does.
   */
  private Optional<Refresh> usable(ModuleRecord record, ModuleSource source, Optional<Why> why) {
    String module = record.module();
    CachedJar current = record.current().toJar(module, layout);
    Optional<String> problem = integrity.apply(current);
    if (problem.isEmpty()) {
      Optional<String> distrust = Trust.distrust(source, current);
      String reason = why.map(Why::reason).orElse("");
      if (distrust.isPresent()) {
        return Optional.of(
            new Refresh.Unavailable(
                module, reason + "; " + distrust.get() + ", so it does not run", Cause.UNTRUSTED));
      }
      // Only reached with a reason: a current jar that verifies was handed out as it was.
      return Optional.of(
          new Refresh.Fallback(current, reason, why.map(Why::cause).orElse(Cause.OTHER)));
    }
    String damage =
        why.map(w -> w.reason() + "; and ").orElse("") + damaged(current, problem.get());
    for (ModuleRecord.Version v : record.history()) {
      CachedJar older = v.toJar(module, layout);
      if (v.sha256().equals(record.currentSha())
          || integrity.apply(older).isPresent()
          || Trust.distrust(source, older).isPresent()) {
        continue;
      }
      return Optional.of(
          new Refresh.Fallback(
              older,
              damage + "; the newest older version that verifies runs meanwhile",
              Cause.DAMAGED));
    }
    return Optional.empty();
  }

  /** Says what is wrong with a jar, in the words {@code modules} shows, and what repairs it. */
  static String damaged(CachedJar jar, String problem) {
    return "cannot load "
        + jar.label()
        + ": "
        + problem
        + "; 'freshjar update' fetches it again while its source serves it";
  }
}
