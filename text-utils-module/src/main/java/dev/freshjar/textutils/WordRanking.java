package dev.freshjar.textutils;

import dev.freshjar.api.Column;
import dev.freshjar.api.Input;
import dev.freshjar.api.Table;
import java.io.IOException;

/** Counts an input's words and tabulates the best-ranked ones: what histogram and top share. */
final class WordRanking {
  private WordRanking() {}

  static Table of(Input input, long limit) throws IOException {
    WordCounts counts = new WordCounts();
    try (Utf8Text text = Utf8Text.open(input)) {
      WordScanner.countWords(text.bytes(), counts);
    }
    Table.Builder table = Table.builder(Column.text("word"), Column.integer("count"));
    for (int entry : Ranking.best(counts, limit)) {
      table.row(counts.word(entry), counts.count(entry));
    }
    return table.build();
  }
}
