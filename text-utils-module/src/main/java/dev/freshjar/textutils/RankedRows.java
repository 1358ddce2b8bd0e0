package dev.freshjar.textutils;

import dev.freshjar.api.RowSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The rows of a ranking that spilled, read from its ranked runs as they are printed. It owns the
 * {@link Spills}: closing it gives back every temporary file.
 */
final class RankedRows implements RowSource {
  private final Spills spills;
  private final RankedMerge merge;
  private final long limit;
  private long produced;

  RankedRows(Spills spills, RankedMerge merge, long limit) {
    this.spills = spills;
    this.merge = merge;
    this.limit = limit;
  }

  @Override
  public List<Object> next() throws IOException {
    if (produced >= limit || !merge.next()) {
      return null;
    }
    produced++;
    return List.of(
        new String(merge.word(), 0, merge.length(), StandardCharsets.UTF_8), merge.count());
  }

  @Override
  public void close() throws IOException {
    spills.close();
  }
}
