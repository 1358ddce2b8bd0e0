package dev.freshjar.cache;

import java.util.List;

/**
 * What {@code cache verify} found.
 *
 * @param jarsChecked how many jars under {@code objects/} were hashed
 * @param recordsChecked how many module records were read
 * @param problems one sentence per problem, naming the file and what to do; empty when all is well
 */
public record VerifyReport(int jarsChecked, int recordsChecked, List<String> problems) {
  public VerifyReport {
    problems = List.copyOf(problems);
  }

  public boolean clean() {
    return problems.isEmpty();
  }
}
