package dev.freshjar.launcher.loading;

import dev.freshjar.cache.JarCheck;
import dev.freshjar.cache.RejectedJarException;
import java.nio.file.Path;

/**
 * The check a downloaded jar must pass before the cache makes it current: it is loaded in a
 * throwaway class loader exactly as it would be run, so that a jar that cannot run never replaces
 * one that can.
 */
public final class ModuleJarCheck implements JarCheck {
  private final String module;

  public ModuleJarCheck(String module) {
    this.module = module;
  }

  @Override
  public void check(Path jar) throws RejectedJarException {
    try {
      ModuleLoader.tryLoad(module, jar);
    } catch (ModuleLoadException e) {
      throw new RejectedJarException(e.getMessage());
    }
  }
}
