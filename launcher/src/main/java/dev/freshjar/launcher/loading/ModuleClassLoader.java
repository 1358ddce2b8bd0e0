package dev.freshjar.launcher.loading;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one module version. Its resources are read without the JDK's shared jar-file
 * cache: with it, two loaders of one jar (a version that comes back while the loader of its
 * previous turn still drains) would share one open file, and closing the older loader would close
 * the streams of the newer. Each resource read here opens the jar for itself, and closing the
 * loader closes what is still open.
 */
final class ModuleClassLoader extends URLClassLoader {
  ModuleClassLoader(String name, URL jar, ClassLoader parent) {
    super(name, new URL[] {jar}, parent);
  }

  @Override
  public URL findResource(String name) {
    URL url = super.findResource(name);
    return url == null ? null : uncached(url);
  }

  @Override
  public Enumeration<URL> findResources(String name) throws IOException {
    List<URL> urls = Collections.list(super.findResources(name));
    return Collections.enumeration(urls.stream().map(ModuleClassLoader::uncached).toList());
  }

  /** The same URL, whose connections do not use the shared jar-file cache. */
  private static URL uncached(URL url) {
    try {
      return new URL(null, url.toExternalForm(), new Uncached(url));
    } catch (IOException e) {
      throw new IllegalStateException("cannot re-make the URL " + url, e);
    }
  }

  /** Opens its one URL with caches off, whatever URL it is asked about. */
  private static final class Uncached extends URLStreamHandler {
    private final URL target;

    Uncached(URL target) {
      this.target = target;
    }

    @Override
    protected URLConnection openConnection(URL url) throws IOException {
      URLConnection connection = target.openConnection();
      connection.setUseCaches(false);
      return connection;
    }

    @Override
    protected String toExternalForm(URL url) {
      return target.toExternalForm();
    }
  }
}
