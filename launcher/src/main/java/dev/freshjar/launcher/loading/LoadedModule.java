package dev.freshjar.launcher.loading;

import dev.freshjar.api.Rule;
import dev.freshjar.cache.CachedJar;
import java.io.IOException;
import java.net.URLClassLoader;
import java.util.List;

/**
 * One module version, loaded into a class loader of its own, with the rules it provides. Closing it
 * closes the loader and with it the jar file; the rules must not be called afterwards.
 */
public final class LoadedModule implements AutoCloseable {
  private final String name;
  private final CachedJar jar;
  private final URLClassLoader loader;
  private final List<Rule> rules;

  LoadedModule(String name, CachedJar jar, URLClassLoader loader, List<Rule> rules) {
    this.name = name;
    this.jar = jar;
    this.loader = loader;
    this.rules = List.copyOf(rules);
  }

  public String name() {
    return name;
  }

  public CachedJar jar() {
    return jar;
  }

  public ClassLoader loader() {
    return loader;
  }

  public List<Rule> rules() {
    return rules;
  }

  /** "0.1.0/3f2a9c1b7d4e", how users see a version. */
  public String versionLabel() {
    String version = jar.displayVersion();
    return (version.isEmpty() ? "?" : version) + "/" + jar.shortSha();
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }
}
