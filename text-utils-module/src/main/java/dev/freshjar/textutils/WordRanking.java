package dev.freshjar.textutils;

import dev.freshjar.api.Column;
import dev.freshjar.api.Input;
import dev.freshjar.api.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Counts an input's words and tabulates the best-ranked ones: what histogram and top share. */
final class WordRanking {
  private WordRanking() {}

  static Table of(Input input, long limit) throws IOException {
    return of(input, limit, CountingPlan.defaults());
  }

  static Table of(Input input, long limit, CountingPlan plan) throws IOException {
    Table.Builder table = Table.builder(Column.text("word"), Column.integer("count"));
    try (Spills spills = new Spills(plan.spillDirectory())) {
      List<WordCounts> tables = count(input, plan, spills);
      WordCounts counts = spills.any() ? null : ParallelCount.sum(tables);
      if (!spills.any()) {
        for (int entry : Ranking.best(counts, limit)) {
          table.row(counts.word(entry), counts.count(entry));
        }
        return table.build();
      }
      // The words outgrew memory: what is still in a table joins the runs on disk, and the runs
      // are added up word by word.
      for (WordCounts rest : counts == null ? tables : List.of(counts)) {
        if (rest.size() > 0) {
          spills.spill(rest);
        }
      }
      MergedRanking ranking = new MergedRanking(limit);
      spills.merge(ranking);
      for (MergedRanking.Ranked ranked : ranking.best()) {
        table.row(new String(ranked.word(), StandardCharsets.UTF_8), ranked.count());
      }
      return table.build();
    }
  }

  /**
   * Counts in parallel where the input allows it (a seekable UTF-8 input large enough for more than
   * one chunk), else front to back on this thread; the counts are the same either way.
   */
  private static List<WordCounts> count(Input input, CountingPlan plan, Spills spills)
      throws IOException {
    if (input.isSeekable() && StandardCharsets.UTF_8.equals(input.charset())) {
      long size = input.sizeHint().orElseThrow();
      int chunks = plan.chunks(size);
      if (chunks > 1) {
        int workers = Math.min(plan.threads(), chunks);
        return ParallelCount.count(input, size, chunks, workers, () -> plan.table(spills, workers));
      }
    }
    WordCounts counts = plan.table(spills, 1);
    try (Utf8Text text = Utf8Text.open(input)) {
      WordScanner.countWords(text.bytes(), counts);
    }
    return List.of(counts);
  }
}
