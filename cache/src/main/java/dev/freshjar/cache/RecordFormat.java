package dev.freshjar.cache;

import dev.freshjar.cache.maven.ChecksumAlgorithm;
import dev.freshjar.cache.maven.MavenRelease;
import dev.freshjar.cache.trust.AuthorSignature;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The text form of a {@link ModuleRecord}: one {@code key=value} per line, the value running to the
 * end of the line, in a fixed order so that a person can read it. History entries are numbered from
 * 0, newest first. Unknown keys are ignored so that a later version can add some.
 *
 * <p>A version of a Maven module adds {@code maven} (group:artifact:version), {@code repository}
 * and {@code checksum} (the algorithm of the checksum file it was verified with, or {@code none});
 * records without them, and readers that ignore them, still work.
 */
final class RecordFormat {
  static final int VERSION = 1;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern UTC_MILLIS =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z");

  private RecordFormat() {}

  static String write(ModuleRecord r) {
    StringBuilder out = new StringBuilder();
    out.append("# freshjar module record; replaced as a whole, never edited in place\n");
    put(out, "format", Integer.toString(VERSION));
    put(out, "module", r.module());
    put(out, "url", r.url().toString());
    r.validators().etag().ifPresent(v -> put(out, "etag", v));
    r.validators().lastModified().ifPresent(v -> put(out, "last-modified", v));
    put(out, "current", r.currentSha());
    put(out, "pinned", Boolean.toString(r.pinned()));
    for (int i = 0; i < r.history().size(); i++) {
      ModuleRecord.Version v = r.history().get(i);
      String p = "history." + i + ".";
      put(out, p + "sha256", v.sha256());
      put(out, p + "title", v.title());
      put(out, p + "version", v.version());
      put(out, p + "fetched", v.fetchedAt().toString());
      put(out, p + "url", v.url().toString());
      v.signature()
          .ifPresent(
              sig -> {
                put(out, p + "signed-by", sig.keyFingerprint());
                put(out, p + "signed-version", sig.version());
                put(out, p + "signed-at", sig.signedAt().toString());
              });
      v.release()
          .ifPresent(
              rel -> {
                put(out, p + "maven", rel.coordinates());
                put(out, p + "repository", rel.repository().toString());
                put(
                    out,
                    p + "checksum",
                    rel.checksum().map(ChecksumAlgorithm::extension).orElse("none"));
              });
    }
    return out.toString();
  }

  /**
   * Reads a record.
   *
   * @throws IllegalArgumentException saying what is wrong, when the text is not a valid record
   */
  static ModuleRecord read(String text) {
    Map<String, String> values = new HashMap<>();
    for (String line : text.split("\n", -1)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("line without '=': " + line);
      }
      if (values.put(line.substring(0, eq), line.substring(eq + 1)) != null) {
        throw new IllegalArgumentException("key given twice: " + line.substring(0, eq));
      }
    }
    String format = required(values, "format");
    if (!format.equals(Integer.toString(VERSION))) {
      throw new IllegalArgumentException(
          "format " + format + " is not " + VERSION + " (written by another freshjar version?)");
    }
    List<ModuleRecord.Version> history = new ArrayList<>();
    for (int i = 0; values.containsKey("history." + i + ".sha256"); i++) {
      String p = "history." + i + ".";
      history.add(
          new ModuleRecord.Version(
              sha(values, p + "sha256"),
              required(values, p + "title"),
              required(values, p + "version"),
              instant(values, p + "fetched"),
              uri(values, p + "url"),
              signature(values, p),
              release(values, p)));
    }
    Validators validators =
        new Validators(
            Optional.ofNullable(values.get("etag")),
            Optional.ofNullable(values.get("last-modified")));
    return new ModuleRecord(
        required(values, "module"),
        uri(values, "url"),
        validators,
        sha(values, "current"),
        Boolean.parseBoolean(required(values, "pinned")),
        history);
  }

  /** A version's signature facts, written only for a version whose signature was verified. */
  private static Optional<AuthorSignature> signature(Map<String, String> values, String prefix) {
    String by = values.get(prefix + "signed-by");
    if (by == null) {
      return Optional.empty();
    }
    return Optional.of(
        new AuthorSignature(
            by,
            required(values, prefix + "signed-version"),
            instant(values, prefix + "signed-at")));
  }

  /** A version's Maven release, written only for a version of a Maven module. */
  private static Optional<MavenRelease> release(Map<String, String> values, String prefix) {
    String coordinates = values.get(prefix + "maven");
    if (coordinates == null) {
      return Optional.empty();
    }
    String checksum = required(values, prefix + "checksum");
    try {
      return Optional.of(
          MavenRelease.parse(
              coordinates,
              uri(values, prefix + "repository"),
              checksum.equals("none")
                  ? Optional.empty()
                  : Optional.of(ChecksumAlgorithm.named(checksum))));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(prefix + "maven: " + e.getMessage(), e);
    }
  }

  private static void put(StringBuilder out, String key, String value) {
    // Values come from servers and manifests; a line break would forge keys.
    out.append(key).append('=').append(value.replace('\r', ' ').replace('\n', ' ')).append('\n');
  }

  private static String required(Map<String, String> values, String key) {
    String v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException("no " + key);
    }
    return v;
  }

  private static String sha(Map<String, String> values, String key) {
    String v = required(values, key);
    // The hash names a file; anything but hex digits could point outside objects/.
    if (!SHA256.matcher(v).matches()) {
      throw new IllegalArgumentException(key + " is not a SHA-256: " + v);
    }
    return v;
  }

  private static URI uri(Map<String, String> values, String key) {
    try {
      return new URI(required(values, key));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(key + " is not a URL: " + e.getMessage(), e);
    }
  }

  private static Instant instant(Map<String, String> values, String key) {
    String v = required(values, key);
    try {
      return UTC_MILLIS.matcher(v).matches() ? utcMillis(v) : Instant.parse(v);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(key + " is not a time: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the form {@link Instant#toString} gives the millisecond times this class writes, without
   * {@link Instant#parse}: initializing the JDK's date parser costs over 10 ms, paid on every
   * start.
   */
  private static Instant utcMillis(String v) {
    int millis = v.length() == 24 ? Integer.parseInt(v, 20, 23, 10) : 0;
    return LocalDateTime.of(
            Integer.parseInt(v, 0, 4, 10),
            Integer.parseInt(v, 5, 7, 10),
            Integer.parseInt(v, 8, 10, 10),
            Integer.parseInt(v, 11, 13, 10),
            Integer.parseInt(v, 14, 16, 10),
            Integer.parseInt(v, 17, 19, 10),
            millis * 1_000_000)
        .toInstant(ZoneOffset.UTC);
  }
}
