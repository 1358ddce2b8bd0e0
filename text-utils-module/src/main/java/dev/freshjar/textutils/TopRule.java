package dev.freshjar.textutils;

import dev.freshjar.api.Arguments;
import dev.freshjar.api.Input;
import dev.freshjar.api.Parameter;
import dev.freshjar.api.Rule;
import dev.freshjar.api.Table;
import java.io.IOException;
import java.util.List;

/** The N most frequent words, ties in code-point order. */
public final class TopRule implements Rule {
  private static final Parameter N = Parameter.integer("n", "how many words to show", 10, 0);

  @Override
  public String name() {
    return "top";
  }

  @Override
  public String summary() {
    return "the most frequent words with their counts";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(N);
  }

  @Override
  public Table apply(Input input, Arguments arguments) throws IOException {
    long n = arguments.integer(N.name());
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative, not " + n);
    }
    return WordRanking.of(input, n);
  }
}
