package dev.freshjar.launcher.shell;

import dev.freshjar.api.Column;
import dev.freshjar.api.Table;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.output.Format;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** What {@code set} changes for the rest of the session: output format and the default N. */
final class SessionSettings {
  /** The parameter that {@code set n} gives a default to, in any rule that declares it. */
  static final String N = "n";

  static final String FORMAT = "format";

  /** Every setting's name, for completion. */
  static final List<String> NAMES = List.of(FORMAT, N);

  private Format format;
  private OptionalLong n = OptionalLong.empty();

  SessionSettings(Format format) {
    this.format = format;
  }

  Format format() {
    return format;
  }

  /** Defaults that replace the rules' own, by parameter name. */
  Map<String, String> presets() {
    return n.isPresent() ? Map.of(N, Long.toString(n.getAsLong())) : Map.of();
  }

  /**
   * {@code set format text|tsv|json}, {@code set n N}, or {@code set n default}.
   *
   * @throws CommandFailure (exit 2) naming what is accepted
   */
  void set(String name, String value) {
    switch (name) {
      case FORMAT -> {
        try {
          format = Format.parse(value);
        } catch (IllegalArgumentException e) {
          throw CommandFailure.usage(e.getMessage());
        }
      }
      case N -> n = parseN(value);
      default -> throw CommandFailure.usage("no setting '" + name + "'; settings: format, n");
    }
  }

  private static OptionalLong parseN(String value) {
    if (value.equals("default")) {
      return OptionalLong.empty();
    }
    try {
      long parsed = Long.parseLong(value);
      if (parsed >= 0) {
        return OptionalLong.of(parsed);
      }
    } catch (NumberFormatException e) {
      // Said below, with what is accepted.
    }
    throw CommandFailure.usage(
        "n must be a whole number of at least 0, or 'default' for each rule's own; not " + value);
  }

  /** A setting's value as {@code set} shows it; {@code name} was set successfully before. */
  String value(String name) {
    return name.equals(FORMAT)
        ? format.toString()
        : n.isPresent() ? Long.toString(n.getAsLong()) : "default";
  }

  Table table() {
    return Table.builder(Column.text("setting"), Column.text("value"))
        .row(FORMAT, value(FORMAT))
        .row(N, value(N))
        .build();
  }
}
