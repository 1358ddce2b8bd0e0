package dev.freshjar.textutils;

import dev.freshjar.api.Column;
import dev.freshjar.api.Input;
import dev.freshjar.api.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Counts an input's words and tabulates the best-ranked ones: what histogram and top share. */
final class WordRanking {
  private WordRanking() {}

  static Table of(Input input, long limit) throws IOException {
    return of(input, limit, CountingPlan.defaults());
  }

  static Table of(Input input, long limit, CountingPlan plan) throws IOException {
    WordCounts counts = count(input, plan);
    Table.Builder table = Table.builder(Column.text("word"), Column.integer("count"));
    for (int entry : Ranking.best(counts, limit)) {
      table.row(counts.word(entry), counts.count(entry));
    }
    return table.build();
  }

  /**
   * Counts in parallel where the input allows it (a seekable UTF-8 input large enough for more than
   * one chunk), else front to back on this thread; the counts are the same either way.
   */
  private static WordCounts count(Input input, CountingPlan plan) throws IOException {
    if (input.isSeekable() && StandardCharsets.UTF_8.equals(input.charset())) {
      long size = input.sizeHint().orElseThrow();
      int chunks = plan.chunks(size);
      if (chunks > 1) {
        return ParallelCount.count(input, size, chunks, plan.threads());
      }
    }
    WordCounts counts = new WordCounts();
    try (Utf8Text text = Utf8Text.open(input)) {
      WordScanner.countWords(text.bytes(), counts);
    }
    return counts;
  }
}
