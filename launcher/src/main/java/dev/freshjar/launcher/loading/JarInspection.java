package dev.freshjar.launcher.loading;

import dev.freshjar.api.ModuleApi;
import dev.freshjar.api.Rule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What can be learnt of a module jar without running any of its code: the checks that refuse a jar
 * before a class loader is ever made for it.
 */
final class JarInspection {
  static final String SERVICES_ENTRY = "META-INF/services/" + Rule.class.getName();
  private static final String API_DIRECTORY = ModuleApi.PACKAGE.replace('.', '/') + "/";

  private JarInspection() {}

  /**
   * Refuses a jar that cannot be a module for this launcher.
   *
   * @return the rule class names the jar declares, at least one
   */
  static List<String> inspect(Path jar) throws ModuleLoadException {
    // JarFile opened directly (not through a URL) so nothing lands in the JDK's shared jar cache.
    try (JarFile file = new JarFile(jar.toFile(), false)) {
      checkApiVersion(file.getManifest());
      refuseBundledApi(file);
      return declaredRules(file);
    } catch (IOException e) {
      throw new ModuleLoadException("not a readable jar: " + e.getMessage(), e);
    }
  }

  private static void checkApiVersion(Manifest manifest) throws ModuleLoadException {
    String builtAgainst =
        manifest == null
            ? null
            : manifest.getMainAttributes().getValue(ModuleApi.MANIFEST_ATTRIBUTE);
    if (builtAgainst == null) {
      throw new ModuleLoadException(
          "its manifest has no "
              + ModuleApi.MANIFEST_ATTRIBUTE
              + " attribute; rebuild it against module-api "
              + ModuleApi.VERSION);
    }
    if (!ModuleApi.canRun(builtAgainst)) {
      throw new ModuleLoadException(
          "it was built against module-api "
              + builtAgainst.trim()
              + ", but this freshjar provides module-api "
              + ModuleApi.VERSION
              + "; rebuild the module against "
              + ModuleApi.VERSION
              + " or upgrade freshjar");
    }
  }

  private static void refuseBundledApi(JarFile file) throws ModuleLoadException {
    Enumeration<JarEntry> entries = file.entries();
    while (entries.hasMoreElements()) {
      String entry = entries.nextElement().getName();
      if (entry.startsWith(API_DIRECTORY) && entry.endsWith(".class")) {
        throw new ModuleLoadException(
            "it bundles the module-api's own classes ("
                + entry
                + "); declare module-api with scope 'provided' so it is not packaged");
      }
    }
  }

  private static List<String> declaredRules(JarFile file) throws IOException, ModuleLoadException {
    JarEntry services = file.getJarEntry(SERVICES_ENTRY);
    if (services == null) {
      throw new ModuleLoadException(
          "it declares no rules: there is no " + SERVICES_ENTRY + " listing its Rule classes");
    }
    List<String> classes = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(file.getInputStream(services), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        int comment = line.indexOf('#');
        String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
        if (!name.isEmpty()) {
          classes.add(name);
        }
      }
    }
    if (classes.isEmpty()) {
      throw new ModuleLoadException("it declares no rules: " + SERVICES_ENTRY + " is empty");
    }
    return classes;
  }

  /** The manifest's value for {@code attribute}, or empty. */
  static String manifestValue(Manifest manifest, Attributes.Name attribute) {
    if (manifest == null) {
      return "";
    }
    String value = manifest.getMainAttributes().getValue(attribute);
    return value == null ? "" : value.trim();
  }
}
