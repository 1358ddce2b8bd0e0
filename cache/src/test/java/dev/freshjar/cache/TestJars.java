package dev.freshjar.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/** Real module-like jars built in memory, and a check like the launcher's. */
final class TestJars {
  static final String RULES = "META-INF/services/dev.freshjar.api.Rule";

  private TestJars() {}

  /** A jar whose manifest names it and whose service file lists {@code rules}. */
  static byte[] module(String title, String version, String... rules) {
    return jar(title, version, String.join("\n", rules));
  }

  /** A module jar of at least {@code size} bytes: random content does not compress. */
  static byte[] big(int size) {
    byte[] noise = new byte[size];
    new Random(size).nextBytes(noise);
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream out = new JarOutputStream(bytes)) {
      put(out, JarFile.MANIFEST_NAME, manifest(manifest));
      put(out, RULES, "com.example.Big\n");
      put(out, "noise.bin", noise);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A readable jar that declares no rule. */
  static byte[] withoutRules(String title, String version) {
    return jar(title, version, null);
  }

  private static byte[] jar(String title, String version, String services) {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.put(Attributes.Name.IMPLEMENTATION_TITLE, title);
    main.put(Attributes.Name.IMPLEMENTATION_VERSION, version);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream out = new JarOutputStream(bytes)) {
      put(out, JarFile.MANIFEST_NAME, manifest(manifest));
      if (services != null) {
        put(out, RULES, services + "\n");
      }
      // Some bulk, so that a body is long enough to be cut short or dribbled.
      put(out, "com/example/" + title + "/README.txt", (title + " " + version + "\n").repeat(40));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void put(JarOutputStream out, String name, String content) throws IOException {
    put(out, name, content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Adds an uncompressed entry, so that the jar's length follows from its content's and a flipped
   * bit stays a flipped bit.
   */
  private static void put(JarOutputStream out, String name, byte[] content) throws IOException {
    JarEntry entry = new JarEntry(name);
    entry.setTime(0); // the same bytes on every build
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(content.length);
    entry.setCompressedSize(content.length);
    CRC32 crc = new CRC32();
    crc.update(content);
    entry.setCrc(crc.getValue());
    out.putNextEntry(entry);
    out.write(content);
    out.closeEntry();
  }

  private static byte[] manifest(Manifest manifest) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    manifest.write(bytes);
    return bytes.toByteArray();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Like the launcher's check: the jar must declare at least one rule. */
  static final JarCheck DECLARES_RULES =
      jar -> {
        try (JarFile file = new JarFile(jar.toFile())) {
          JarEntry entry = file.getJarEntry(RULES);
          if (entry == null) {
            throw new RejectedJarException("declares no rules (no " + RULES + ")");
          }
          try (InputStream in = file.getInputStream(entry)) {
            boolean any =
                new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .anyMatch(l -> !l.isEmpty() && !l.startsWith("#"));
            if (!any) {
              throw new RejectedJarException("declares no rules (" + RULES + " is empty)");
            }
          }
        } catch (IOException e) {
          throw new RejectedJarException("cannot read " + jar + ": " + e.getMessage());
        }
      };
}
