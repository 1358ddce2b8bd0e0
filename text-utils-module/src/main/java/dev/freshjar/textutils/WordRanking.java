package dev.freshjar.textutils;

import dev.freshjar.api.Column;
import dev.freshjar.api.Input;
import dev.freshjar.api.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Counts an input's words and tabulates the best-ranked ones: what histogram and top share. */
final class WordRanking {
  private static final List<Column> COLUMNS = List.of(Column.text("word"), Column.integer("count"));
  // A ranking of at most this many rows that spilled is picked with a heap and held; a longer one
  // (histogram) is sorted by rank on disk and streamed.
  static final long HELD_ROWS = 100_000;

  private WordRanking() {}

  static Table of(Input input, long limit) throws IOException {
    return of(input, limit, CountingPlan.defaults());
  }

  static Table of(Input input, long limit, CountingPlan plan) throws IOException {
    Spills spills = new Spills(plan.spillDirectory());
    boolean handedOver = false;
    try {
      List<WordCounts> tables = count(input, plan, spills);
      if (!spills.any()) {
        WordCounts counts = ParallelCount.sum(tables);
        if (!spills.any()) {
          Table.Builder table = builder();
          for (int entry : Ranking.best(counts, limit)) {
            table.row(counts.word(entry), counts.count(entry));
          }
          return table.build();
        }
        tables = List.of(counts);
      }
      // The words outgrew memory: what is still in a table joins the runs on disk, and the runs
      // are added up word by word.
      for (WordCounts rest : tables) {
        if (rest.size() > 0) {
          spills.spill(rest);
        }
      }
      tables = null;
      if (limit <= HELD_ROWS) {
        MergedRanking ranking = new MergedRanking(limit);
        spills.merge(ranking);
        Table.Builder table = builder();
        for (MergedRanking.Ranked ranked : ranking.best()) {
          table.row(new String(ranked.word(), StandardCharsets.UTF_8), ranked.count());
        }
        return table.build();
      }
      // Too many rows to hold: sorted by rank on disk, and merged while they are printed.
      // Half the tables' budget: with the sort's arrays and the runs' read buffers, the second
      // pass stays within what the count took.
      RankedMerge merge = new RankedMerge(RankedRuns.of(spills, plan.tableBudget() / 2));
      Table table = Table.streamed(COLUMNS, new RankedRows(spills, merge, limit));
      handedOver = true;
      return table;
    } finally {
      if (!handedOver) {
        spills.close();
      }
    }
  }

  private static Table.Builder builder() {
    return Table.builder(COLUMNS.toArray(Column[]::new));
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
