package dev.freshjar.launcher;

import java.util.Collection;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The name a user probably meant when they typed one that does not exist: {@code updte} for {@code
 * update}. Computed on the error path only, so a correct command line never loads it.
 */
public final class NearMiss {
  private NearMiss() {}

  /**
   * The candidate closest to {@code typed}, when it is close enough to be a typo: at most one edit
   * for a short name, two for a longer one, and never the whole word.
   */
  public static Optional<String> closest(String typed, Collection<String> candidates) {
    int allowed = Math.min(typed.length() <= 4 ? 1 : 2, Math.max(typed.length() - 1, 0));
    LevenshteinDistance distance = new LevenshteinDistance(allowed);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance.apply(typed, candidate);
      if (d < 0 && isTransposition(typed, candidate)) {
        d = allowed;
      }
      if (d >= 0 && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * {@code " (did you mean 'update'?)"} when a candidate is close to {@code typed}, else nothing:
   * the one wording of the suggestion, to append to an error message.
   */
  public static String hint(String typed, Collection<String> candidates) {
    return closest(typed, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
  }

  /** {@code tpo} for {@code top}: two neighbours swapped, which Levenshtein counts as two edits. */
  private static boolean isTransposition(String typed, String candidate) {
    if (typed.length() != candidate.length()) {
      return false;
    }
    int first = -1;
    for (int i = 0; i < typed.length(); i++) {
      if (typed.charAt(i) != candidate.charAt(i)) {
        if (first >= 0) {
          return i == first + 1
              && typed.charAt(first) == candidate.charAt(i)
              && typed.charAt(i) == candidate.charAt(first)
              && typed.regionMatches(i + 1, candidate, i + 1, typed.length() - i - 1);
        }
        first = i;
      }
    }
    return false;
  }
}
