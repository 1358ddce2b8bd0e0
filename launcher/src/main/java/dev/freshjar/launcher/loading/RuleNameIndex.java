package dev.freshjar.launcher.loading;

import dev.freshjar.api.ModuleApi;
import dev.freshjar.api.Rule;
import dev.freshjar.api.RuleNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The rule names each module jar provided when this launcher last loaded it, by the jar's SHA-256:
 * a one-shot run loads only the modules that can provide the rule it names (see {@link
 * dev.freshjar.launcher.modules.ModuleSet#loadFor}). A jar's bytes never change under its hash, so
 * an entry is never out of date for its jar; a new jar is a new entry. An entry is only a jar that
 * <em>loaded</em>, under this launcher, module-api and Java (the {@link #FINGERPRINT}), so that a
 * jar missing from the index is loaded, and its failure reported, as before.
 *
 * <p>The file ({@code <cache-dir>/rule-names}) is an optimisation and is trusted for nothing else:
 * a missing, unreadable, oversized or corrupt file, a line whose check does not match or a file of
 * another fingerprint is read as no entry, which only costs loading every module. It is replaced
 * atomically (written under the cache's {@code tmp/}, which sweeps what a killed process left, then
 * renamed), so that two processes writing at once leave one whole file: an entry lost that way is
 * learnt again by the next run that loads its jar.
 */
public final class RuleNameIndex {
  static final String FILE = "rule-names";
  static final int MAX_BYTES = 1 << 20;
  static final int MAX_ENTRIES = 2_000;
  private static final String MAGIC = "freshjar-rule-names 1";

  // Read on every one-shot run: built without string-concatenation call sites, regular expressions,
  // formatters or lambdas, each of which costs a cold JVM milliseconds the class-data archive does
  // not save (measured: about 20 ms of CPU in all).

  /** What besides the jar decides which rules it loads with: the loading code and the JDK. */
  static final String FINGERPRINT =
      new StringBuilder("launcher=")
          .append(token(RuleNameIndex.class.getPackage().getImplementationVersion()))
          .append(";module-api=")
          .append(ModuleApi.VERSION)
          .append(";java=")
          .append(Runtime.version().feature())
          .toString();

  private static final String HEADER =
      new StringBuilder(MAGIC).append(' ').append(FINGERPRINT).toString();

  /** No index: every module is loaded, nothing is written. */
  public static final RuleNameIndex NONE = new RuleNameIndex(null, null, Map.of());

  private final Path file;
  private final Path tmpDir;
  private final Map<String, Set<String>> entries;

  private RuleNameIndex(Path file, Path tmpDir, Map<String, Set<String>> entries) {
    this.file = file;
    this.tmpDir = tmpDir;
    this.entries = entries;
  }

  /** The index of the cache at {@code cacheRoot}, as far as its file can be read. Never throws. */
  public static RuleNameIndex in(Path cacheRoot) {
    Path file = cacheRoot.resolve(FILE);
    return new RuleNameIndex(file, cacheRoot.resolve("tmp"), read(file));
  }

  /** The rule names the jar of this SHA-256 provided, if it is in the index. */
  public Optional<Set<String>> ruleNames(String sha256) {
    synchronized (entries) {
      return Optional.ofNullable(entries.get(sha256));
    }
  }

  /**
   * Adds the modules' jars to the index and rewrites its file when any was not in it. A file that
   * cannot be written is left as it is: the next run loads those modules again, and learns again.
   *
   * @return whether the file was written
   */
  public boolean remember(List<LoadedModule> loaded) {
    if (file == null) {
      return false;
    }
    Map<String, Set<String>> learnt = new LinkedHashMap<>();
    synchronized (entries) {
      for (LoadedModule module : loaded) {
        Set<String> names = new LinkedHashSet<>();
        for (Rule rule : module.rules()) {
          names.add(rule.name());
        }
        String sha = module.jar().sha256();
        if (!names.equals(entries.get(sha)) && isEntry(sha, names)) {
          learnt.put(sha, names);
          entries.put(sha, names);
        }
      }
    }
    if (learnt.isEmpty()) {
      return false;
    }
    // What another process wrote meanwhile is kept; the newest entries come first, and the
    // oldest go beyond MAX_ENTRIES.
    Map<String, Set<String>> merged = new LinkedHashMap<>(learnt);
    read(file).forEach(merged::putIfAbsent);
    return write(merged);
  }

  private boolean write(Map<String, Set<String>> merged) {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    merged.entrySet().stream()
        .limit(MAX_ENTRIES)
        .forEach(e -> text.append(line(e.getKey(), e.getValue())).append('\n'));
    Path tmp = null;
    try {
      tmp = Files.createTempFile(tmpDir, FILE + "-", ".tmp");
      Files.writeString(tmp, text, StandardCharsets.US_ASCII);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return true;
    } catch (IOException e) {
      // An optimisation that could not be saved (a read-only or full cache directory): the run
      // itself is unaffected, and what is left in tmp/ is swept as stale by a later run.
      deleteQuietly(tmp);
      return false;
    }
  }

  private static void deleteQuietly(Path tmp) {
    if (tmp == null) {
      return;
    }
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException e) {
      // Left for the sweep of tmp/.
    }
  }

  /** The entries of {@code file}, or none of them when it is missing or not an index of ours. */
  static Map<String, Set<String>> read(Path file) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      return new LinkedHashMap<>();
    } catch (IOException e) {
      // Unreadable: as if there were none. Writing a new one replaces it, if it can.
      return new LinkedHashMap<>();
    }
    Map<String, Set<String>> entries = new LinkedHashMap<>();
    if (bytes.length > MAX_BYTES) {
      return entries;
    }
    // ISO-8859-1 maps every byte to one character: a file that is not ASCII fails the checks below.
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int start = 0;
    boolean header = true;
    while (start < text.length() && entries.size() < MAX_ENTRIES) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(start, end);
      start = end + 1;
      if (header) {
        if (!line.equals(HEADER)) {
          return entries;
        }
        header = false;
        continue;
      }
      String[] fields = line.split(" ", -1);
      if (fields.length == 3 && fields[1].equals(check(fields[0], fields[2]))) {
        Set<String> names = new LinkedHashSet<>(Arrays.asList(fields[2].split(",", -1)));
        if (isEntry(fields[0], names)) {
          entries.putIfAbsent(fields[0], names);
        }
      }
    }
    return entries;
  }

  private static boolean isEntry(String sha256, Set<String> names) {
    if (sha256.length() != 64 || names.isEmpty()) {
      return false;
    }
    for (int i = 0; i < sha256.length(); i++) {
      char c = sha256.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    for (String name : names) {
      if (!RuleNames.isValid(name)) {
        return false;
      }
    }
    return true;
  }

  private static String line(String sha256, Set<String> names) {
    String joined = String.join(",", names);
    return new StringBuilder(sha256)
        .append(' ')
        .append(check(sha256, joined))
        .append(' ')
        .append(joined)
        .toString();
  }

  /** A line's check: a torn, truncated or edited line is not read as a smaller set of names. */
  private static String check(String sha256, String names) {
    CRC32 crc = new CRC32();
    String checked =
        new StringBuilder(FINGERPRINT)
            .append(' ')
            .append(sha256)
            .append(' ')
            .append(names)
            .toString();
    crc.update(checked.getBytes(StandardCharsets.US_ASCII));
    return HexFormat.of().toHexDigits((int) crc.getValue());
  }

  /** {@code version} as one word of the header: no spaces, no control characters. */
  private static String token(String version) {
    if (version == null) {
      return "development";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < version.length(); i++) {
      char c = version.charAt(i);
      boolean plain =
          (c >= '0' && c <= '9')
              || (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || c == '.'
              || c == '-'
              || c == '_';
      out.append(plain ? c : '_');
    }
    return out.toString();
  }
}
