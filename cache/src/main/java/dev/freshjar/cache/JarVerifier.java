package dev.freshjar.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipException;

/**
 * The checks every downloaded file passes before the launcher's own: it is a jar that can be read
 * from end to end. Reading every entry catches a damaged file now rather than when a class is
 * loaded from it, and makes the JDK check the signatures of a signed jar.
 */
final class JarVerifier {
  private JarVerifier() {}

  /** The manifest's Implementation-Title and Implementation-Version, empty when absent. */
  record Identity(String title, String version) {}

  /**
   * Verifies {@code file}, downloaded from {@code from}, and reads its identity.
   *
   * @param contentType what the server said it sent, to explain a file that is not a jar
   */
  static Identity verify(Path file, String from, Optional<String> contentType, Settings limits)
      throws RefreshFailure {
    try (JarFile jar = new JarFile(file.toFile(), true)) {
      if (jar.size() == 0) {
        throw new RefreshFailure("not a jar: " + from + " is an empty zip file");
      }
      // Bounded before anything is inflated: a zip bomb costs at most the bounds, not its size.
      if (jar.size() > limits.maxEntries()) {
        throw new RefreshFailure(
            "rejected: "
                + from
                + " has more than "
                + limits.maxEntries()
                + " entries ("
                + jar.size()
                + "); freshjar checks no jar larger than that");
      }
      byte[] buf = new byte[64 * 1024];
      long inflated = 0;
      for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        // ZipFile inflates without checking CRCs, so check them here.
        CRC32 crc = new CRC32();
        try (InputStream in = new CheckedInputStream(jar.getInputStream(entry), crc)) {
          for (int n; (n = in.read(buf)) >= 0; ) {
            inflated += n;
            if (inflated > limits.maxInflatedBytes()) {
              throw new RefreshFailure(
                  "rejected: "
                      + from
                      + " inflates to more than "
                      + Durations.bytes(limits.maxInflatedBytes())
                      + " (entry "
                      + entry.getName()
                      + "; a zip bomb?); freshjar checks no jar larger than that");
            }
          }
        } catch (ZipException e) {
          throw new RefreshFailure(
              "damaged jar: " + from + " (entry " + entry.getName() + ": " + e.getMessage() + ")",
              e);
        }
        if (entry.getCrc() != -1 && entry.getCrc() != crc.getValue()) {
          throw new RefreshFailure(
              "damaged jar: " + from + " (entry " + entry.getName() + " fails its CRC check)");
        }
      }
      Manifest manifest = jar.getManifest();
      Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
      return new Identity(
          value(main, Attributes.Name.IMPLEMENTATION_TITLE),
          value(main, Attributes.Name.IMPLEMENTATION_VERSION));
    } catch (SecurityException e) {
      throw new RefreshFailure("bad jar signature in " + from + ": " + e.getMessage(), e);
    } catch (IOException e) {
      String why =
          contentType
              .filter(t -> !looksLikeJar(t))
              .map(t -> " returned " + t.split(";", 2)[0].strip())
              .orElse(" (" + e.getMessage() + ")");
      throw new RefreshFailure("not a jar: " + from + why, e);
    }
  }

  private static boolean looksLikeJar(String contentType) {
    String t = contentType.toLowerCase(Locale.ROOT);
    return t.contains("java-archive")
        || t.contains("zip")
        || t.startsWith("application/octet-stream")
        || t.startsWith("binary/");
  }

  private static String value(Attributes attributes, Attributes.Name name) {
    String v = attributes.getValue(name);
    return v == null ? "" : v.strip();
  }
}
