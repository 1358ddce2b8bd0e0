package dev.freshjar.launcher.cli;

import dev.freshjar.cache.Durations;
import dev.freshjar.launcher.output.Format;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The options that come before a rule or command, {@code freshjar [OPTIONS] RULE ...}: the one
 * place they are defined, for {@link Cli}'s parsing and for {@code --help}. They are parsed by hand
 * rather than by picocli, because building picocli's model was most of a one-shot run's start-up.
 */
enum GlobalOption {
  CONFIG(
      "--config",
      "FILE",
      // A path per line: help is wrapped where Java's line breaker likes, '/' and '.' included.
      "The modules configuration file. Default: the first of\n$FRESHJAR_CONFIG,\n"
          + "$XDG_CONFIG_HOME/freshjar/modules.conf,\n~/.config/freshjar/modules.conf.",
      (command, value) -> command.configFile = Path.of(value)),
  MODULE(
      "--module",
      "NAME=URL",
      "A module to use (repeatable); replaces the configuration file's module of that name."
          + " Default: the text-utils module built here.",
      (command, value) -> command.moduleFlags.add(value)),
  CACHE_DIR(
      "--cache-dir",
      "DIR",
      "Where fetched jars are kept. Default: the first of\n$FRESHJAR_CACHE,\n"
          + "$XDG_CACHE_HOME/freshjar,\n~/.cache/freshjar.",
      (command, value) -> command.cacheDir = Path.of(value)),
  OFFLINE(
      "--offline",
      null,
      "Ask no server; run on what the cache holds.",
      (command, value) -> command.offline = true),
  REFRESH(
      "--refresh",
      null,
      "Download every module again, ignoring validators.",
      (command, value) -> command.refresh = true),
  FORMAT(
      "--format",
      "text|tsv|json",
      "How results are printed (default: text).",
      (command, value) -> command.format = Format.parse(value)),
  UPDATE_TIMEOUT(
      "--update-timeout",
      "DURATION",
      "How long the update checks of all modules may take together (default: 5s);"
          + " a module whose server has not answered by then runs on its cached version.",
      (command, value) -> command.updateTimeout = Durations.parse(value)),
  STRICT(
      "--strict",
      null,
      "Exit 4 when a module fell back to its cached version (or is unavailable though not"
          + " needed), even if the command succeeded.",
      (command, value) -> command.strict = true),
  HELP(
      "--help",
      null,
      "Show this help message and exit.",
      (command, value) -> command.helpRequested = true),
  VERSION(
      "--version",
      null,
      "Print version information and exit.",
      (command, value) -> command.versionRequested = true);

  private final String name;
  private final String label;
  private final String description;
  private final BiConsumer<FreshjarCommand, String> setter;

  GlobalOption(
      String name, String label, String description, BiConsumer<FreshjarCommand, String> setter) {
    this.name = name;
    this.label = label;
    this.description = description;
    this.setter = setter;
  }

  /**
   * Records {@code value} (null for a flag) on {@code command}.
   *
   * @throws IllegalArgumentException when the value is not one this option takes
   */
  void set(FreshjarCommand command, String value) {
    setter.accept(command, value);
  }

  boolean repeatable() {
    return this == MODULE;
  }

  /** {@code --format}, or {@code -h} and {@code --help}. */
  String[] names() {
    return switch (this) {
      case HELP -> new String[] {"-h", name};
      case VERSION -> new String[] {"-V", name};
      default -> new String[] {name};
    };
  }

  boolean takesValue() {
    return label != null;
  }

  /** {@code --cache-dir DIR}, to name the option in a message. */
  String synopsis() {
    return takesValue() ? name + " " + label : name;
  }

  /** The option whose name {@code word} is ({@code --format}, {@code -h}), or null. */
  static GlobalOption named(String word) {
    for (GlobalOption option : values()) {
      for (String name : option.names()) {
        if (word.equals(name)) {
          return option;
        }
      }
    }
    return null;
  }

  String label() {
    return label;
  }

  /** What a completion script offers for the value: a file, a directory, or any text. */
  Class<?> valueType() {
    return this == CONFIG || this == CACHE_DIR ? Path.class : String.class;
  }

  /** The values a completion script offers, when there are only a few. */
  Optional<List<String>> candidates() {
    return this == FORMAT
        ? Optional.of(Stream.of(Format.values()).map(Format::toString).toList())
        : Optional.empty();
  }

  /** What the option does, a line per element (paths each on a line of their own). */
  String[] description() {
    return description.split("\n");
  }
}
