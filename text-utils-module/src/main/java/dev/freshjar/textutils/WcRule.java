package dev.freshjar.textutils;

import dev.freshjar.api.Arguments;
import dev.freshjar.api.Column;
import dev.freshjar.api.Input;
import dev.freshjar.api.Rule;
import dev.freshjar.api.Table;
import java.io.IOException;

/** Lines (newline characters), words, characters (code points) and bytes of the input. */
public final class WcRule implements Rule {
  @Override
  public String name() {
    return "wc";
  }

  @Override
  public String summary() {
    return "count lines, words, characters (code points) and bytes";
  }

  @Override
  public Table apply(Input input, Arguments arguments) throws IOException {
    WcCounter.Counts counts;
    long bytes;
    try (Utf8Text text = Utf8Text.open(input)) {
      counts = WcCounter.count(text.bytes());
      bytes = text.inputBytesRead();
    }
    return Table.builder(
            Column.integer("lines"),
            Column.integer("words"),
            Column.integer("chars"),
            Column.integer("bytes"))
        .row(counts.lines(), counts.words(), counts.chars(), bytes)
        .build();
  }
}
