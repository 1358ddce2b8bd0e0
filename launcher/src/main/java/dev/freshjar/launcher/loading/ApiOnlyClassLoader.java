package dev.freshjar.launcher.loading;

import dev.freshjar.api.ModuleApi;
import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;

/**
 * The parent of every module's class loader: it shows the JDK and the module-api package, and
 * nothing else of the launcher (not OkHttp, not picocli), so a module cannot depend on the
 * launcher's libraries by accident and may bundle its own versions of them.
 */
final class ApiOnlyClassLoader extends ClassLoader {
  private static final String API_PREFIX = ModuleApi.PACKAGE + ".";
  private static final String API_RESOURCE_PREFIX = ModuleApi.PACKAGE.replace('.', '/') + "/";

  private final ClassLoader apiLoader;

  ApiOnlyClassLoader(ClassLoader apiLoader) {
    super("freshjar-api", ClassLoader.getPlatformClassLoader());
    this.apiLoader = apiLoader;
  }

  /** The one instance every module loader shares; it holds nothing of any module. */
  static final ApiOnlyClassLoader INSTANCE =
      new ApiOnlyClassLoader(ModuleApi.class.getClassLoader());

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith(API_PREFIX)) {
      return apiLoader.loadClass(name);
    }
    return super.loadClass(name, resolve);
  }

  @Override
  public URL getResource(String name) {
    if (name.startsWith(API_RESOURCE_PREFIX)) {
      return apiLoader.getResource(name);
    }
    return super.getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    if (name.startsWith(API_RESOURCE_PREFIX)) {
      return apiLoader.getResources(name);
    }
    return super.getResources(name);
  }
}
