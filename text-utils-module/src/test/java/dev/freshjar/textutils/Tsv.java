package dev.freshjar.textutils;

import dev.freshjar.api.Column;
import dev.freshjar.api.Table;
import java.util.stream.Collectors;

/** Renders a table the way the reference script prints it: a header line, then one line a row. */
final class Tsv {
  private Tsv() {}

  static String of(Table table) {
    StringBuilder tsv = new StringBuilder();
    tsv.append(table.columns().stream().map(Column::name).collect(Collectors.joining("\t")));
    tsv.append('\n');
    for (var row : table.rows()) {
      tsv.append(row.stream().map(String::valueOf).collect(Collectors.joining("\t")));
      tsv.append('\n');
    }
    return tsv.toString();
  }
}
