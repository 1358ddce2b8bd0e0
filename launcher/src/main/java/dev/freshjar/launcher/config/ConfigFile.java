package dev.freshjar.launcher.config;

import dev.freshjar.cache.ModuleSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a modules configuration file (format in the README and {@code docs/modules.conf.example}):
 *
 * <pre>
 * # a comment
 * [module acme]
 * url = https://rules.acme.example/acme-rules.jar
 * allow-http = false
 * timeout = 10s
 * </pre>
 *
 * <p>A {@code #} at the start of a line, or after a space, starts a comment. Every line that is not
 * blank, a comment, a {@code [module NAME]} header or a {@code KEY = VALUE} option of a known key
 * is an error naming its file and line.
 */
public final class ConfigFile {
  // A thousand modules take well under 1 MiB; past it, the file is something else (a device that
  // never ends, a log given by mistake) and is not read whole.
  private static final int MAX_BYTES = 1 << 20;
  private final Path file;
  private final Path base;
  private final Map<String, ModuleSection> sections = new LinkedHashMap<>();
  private ModuleSection current;

  private ConfigFile(Path file) {
    this.file = file;
    Path parent = file.toAbsolutePath().getParent();
    this.base = parent == null ? Path.of("").toAbsolutePath() : parent;
  }

  /**
   * The modules {@code file} configures, in the order of their sections.
   *
   * @throws ConfigException for a file that cannot be read, or the first bad line
   */
  public static List<ModuleSource> read(Path file) throws ConfigException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file, 0, "no such file", e);
    } catch (IOException e) {
      throw new ConfigException(
          file, 0, "cannot read it (" + e.getMessage() + "); check that it is a readable file", e);
    }
    if (bytes.length > MAX_BYTES) {
      throw new ConfigException(
          file,
          0,
          "it is larger than "
              + (MAX_BYTES >> 20)
              + " MiB, which no configuration file is; give the path of the modules file");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException(file, 0, "it is not UTF-8 text; save it as UTF-8", e);
    }
    return parse(file, text);
  }

  /** The modules {@code text}, read from {@code file}, configures. */
  static List<ModuleSource> parse(Path file, String text) throws ConfigException {
    ConfigFile config = new ConfigFile(file);
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = i == 0 && lines[0].startsWith("\uFEFF") ? lines[0].substring(1) : lines[i];
      config.line(i + 1, withoutComment(line).strip());
    }
    config.endSection();
    List<ModuleSource> sources = new ArrayList<>();
    for (ModuleSection section : config.sections.values()) {
      sources.add(section.toSource());
    }
    return sources;
  }

  private void line(int number, String line) throws ConfigException {
    if (line.isEmpty()) {
      return;
    }
    if (line.startsWith("[")) {
      header(number, line);
      return;
    }
    int equals = line.indexOf('=');
    if (equals < 0) {
      throw error(
          number,
          "'" + line + "' is not an option line; write KEY = VALUE, e.g. url = " + exampleUrl());
    }
    String key = line.substring(0, equals).strip();
    String value = line.substring(equals + 1).strip();
    if (key.isEmpty()) {
      throw error(
          number,
          "'" + line + "' has no key before '='; write KEY = VALUE, e.g. url = " + exampleUrl());
    }
    if (current == null) {
      throw error(
          number,
          "'"
              + line
              + "' is outside any module section; put it under a header such as [module"
              + " acme]");
    }
    ModuleOption option =
        ModuleOption.named(key)
            .orElseThrow(
                () ->
                    error(
                        number,
                        "unknown option '"
                            + key
                            + "' in module "
                            + current.name
                            + "; the options are "
                            + ModuleOption.keys()));
    var earlier = current.set(option, number);
    if (earlier.isPresent()) {
      throw error(
          number,
          "option "
              + key
              + " of module "
              + current.name
              + " is already set at line "
              + earlier.get()
              + "; keep one of the two lines");
    }
    if (value.isEmpty()) {
      throw error(
          number,
          "option "
              + key
              + " of module "
              + current.name
              + " has no value; write e.g. "
              + option.example());
    }
    try {
      option.read(value, current);
    } catch (BadValue e) {
      throw new ConfigException(file, number, e.getMessage(), e);
    }
  }

  private void header(int number, String line) throws ConfigException {
    String[] words =
        line.endsWith("]") ? line.substring(1, line.length() - 1).strip().split("\\s+") : null;
    if (words == null || words.length != 2 || !words[0].equals("module")) {
      throw error(number, "'" + line + "' is not a section header; write [module NAME]");
    }
    String name = words[1];
    try {
      ModuleSource.requireValidName(name);
    } catch (IllegalArgumentException e) {
      throw error(number, e.getMessage() + "; rename it, e.g. [module acme]");
    }
    endSection();
    ModuleSection earlier = sections.get(name);
    if (earlier != null) {
      throw error(
          number,
          "module "
              + name
              + " is already defined at line "
              + earlier.headerLine
              + "; merge the two sections, or rename one");
    }
    current = new ModuleSection(name, number, base);
    sections.put(name, current);
  }

  private void endSection() throws ConfigException {
    if (current != null) {
      var problem = current.problem();
      if (problem.isPresent()) {
        throw error(problem.get().getKey(), problem.get().getValue());
      }
    }
  }

  /** The line without its comment: from a {@code #} at its start or after white space. */
  private static String withoutComment(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static String exampleUrl() {
    return "https://example.org/rules.jar";
  }

  private ConfigException error(int line, String problem) {
    return new ConfigException(file, line, problem);
  }
}
