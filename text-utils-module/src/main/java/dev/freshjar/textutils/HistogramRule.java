package dev.freshjar.textutils;

import dev.freshjar.api.Arguments;
import dev.freshjar.api.Input;
import dev.freshjar.api.Rule;
import dev.freshjar.api.Table;
import java.io.IOException;

/** Every word with its count, most frequent first, ties in code-point order. */
public final class HistogramRule implements Rule {
  @Override
  public String name() {
    return "histogram";
  }

  @Override
  public String summary() {
    return "every word with how often it occurs, most frequent first";
  }

  @Override
  public Table apply(Input input, Arguments arguments) throws IOException {
    return WordRanking.of(input, Long.MAX_VALUE);
  }
}
