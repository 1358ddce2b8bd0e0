package dev.freshjar.launcher.loading;

import dev.freshjar.api.Parameter;
import dev.freshjar.api.Rule;
import dev.freshjar.api.RuleNames;
import dev.freshjar.cache.CachedJar;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Loads one module jar into a fresh class loader and discovers its rules. Anything that goes wrong,
 * including errors thrown by the module's own code (a static initialiser that throws, classes
 * compiled for a newer Java, a missing API method), becomes a {@link ModuleLoadException} and the
 * half-built loader is closed.
 */
public final class ModuleLoader {
  private ModuleLoader() {}

  /** Loads a module jar. */
  public static LoadedModule load(CachedJar jar) throws ModuleLoadException {
    Discovery discovery = discover(jar.module(), jar.jar());
    return new LoadedModule(jar.module(), jar, discovery.loader(), discovery.rules());
  }

  /**
   * Loads a jar from the cache, once it is verified: a jar that does not hash to its name (it was
   * truncated, corrupted or swapped since it was fetched) is refused before any of it is read; see
   * {@link CachedJar#damage()}.
   */
  public static LoadedModule loadCached(CachedJar jar) throws ModuleLoadException {
    Optional<String> damage = jar.damage();
    if (damage.isPresent()) {
      throw new ModuleLoadException(
          damage.get() + "; 'freshjar update' fetches it again while its source serves it");
    }
    return load(jar);
  }

  /** Loads a jar only to prove that it can be loaded, then closes it again. */
  static void tryLoad(String module, Path jar) throws ModuleLoadException {
    Discovery discovery = discover(module, jar);
    try {
      discovery.loader().close();
    } catch (IOException e) {
      throw new ModuleLoadException("could not close the trial loader: " + e.getMessage(), e);
    }
  }

  private record Discovery(URLClassLoader loader, List<Rule> rules) {}

  private static Discovery discover(String module, Path jar) throws ModuleLoadException {
    JarInspection.inspect(jar);
    URLClassLoader loader =
        new ModuleClassLoader("module:" + module, fileUrl(jar), ApiOnlyClassLoader.INSTANCE);
    try {
      List<Rule> rules = instantiateRules(loader);
      checkRules(rules);
      return new Discovery(loader, rules);
    } catch (Throwable failure) {
      closeQuietlyAfter(loader, failure);
      if (failure instanceof ModuleLoadException) {
        throw (ModuleLoadException) failure;
      }
      throw new ModuleLoadException(LoadFailures.describe(failure), failure);
    }
  }

  private static List<Rule> instantiateRules(URLClassLoader loader) {
    List<Rule> rules = new ArrayList<>();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      for (ServiceLoader.Provider<Rule> provider :
          ServiceLoader.load(Rule.class, loader).stream().toList()) {
        // A provider found through a parent is not this module's: skip it.
        if (provider.type().getClassLoader() == loader) {
          rules.add(provider.get());
        }
      }
    } finally {
      thread.setContextClassLoader(previous);
    }
    return rules;
  }

  private static void checkRules(List<Rule> rules) throws ModuleLoadException {
    if (rules.isEmpty()) {
      throw new ModuleLoadException("it declares no rules that its own class loader defines");
    }
    Set<String> names = new HashSet<>();
    for (Rule rule : rules) {
      String name = rule.name();
      String type = rule.getClass().getName();
      try {
        RuleNames.check(name);
      } catch (IllegalArgumentException e) {
        // The same check authors run in their tests, so the message is the one they know.
        throw new ModuleLoadException("rule class " + type + ": " + e.getMessage(), e);
      }
      if (!names.add(name)) {
        throw new ModuleLoadException("two of its rules are named '" + name + "'");
      }
      if (rule.summary() == null) {
        throw new ModuleLoadException("rule " + name + " has no summary");
      }
      Set<String> parameters = new HashSet<>();
      for (Parameter parameter : rule.parameters()) {
        if (!parameters.add(parameter.name())) {
          throw new ModuleLoadException(
              "rule " + name + " declares parameter '" + parameter.name() + "' twice");
        }
      }
    }
  }

  private static URL fileUrl(Path jar) throws ModuleLoadException {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new ModuleLoadException("cannot make a URL of " + jar + ": " + e.getMessage(), e);
    }
  }

  private static void closeQuietlyAfter(URLClassLoader loader, Throwable failure) {
    try {
      loader.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
