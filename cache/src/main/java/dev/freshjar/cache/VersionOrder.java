package dev.freshjar.cache;

import java.util.Comparator;

/**
 * How versions compare for anti-downgrade, in the spirit of Semantic Versioning but for any number
 * of parts:
 *
 * <ul>
 *   <li>Anything from {@code +} on (build metadata) is ignored.
 *   <li>The rest is a release, then optionally {@code -} and a pre-release: {@code 2.0-rc.1}.
 *   <li>Releases compare part by part, parts separated by {@code .}; a missing part counts as
 *       {@code 0} ({@code 1.2} equals {@code 1.2.0}). Parts of digits compare as numbers ({@code
 *       1.10} is after {@code 1.9}); a part of digits comes before any other part; other parts
 *       compare by code point.
 *   <li>With equal releases, a version with a pre-release comes before one without ({@code
 *       2.0-SNAPSHOT} is before {@code 2.0}); two pre-releases compare part by part like releases,
 *       except that the one with fewer parts comes first when all shared parts are equal.
 * </ul>
 */
final class VersionOrder {
  static final Comparator<String> ORDER = VersionOrder::compare;

  private VersionOrder() {}

  static int compare(String a, String b) {
    String[] va = split(a);
    String[] vb = split(b);
    int c = compareParts(va[0].split("\\.", -1), vb[0].split("\\.", -1), true);
    if (c != 0) {
      return c;
    }
    if (va[1] == null || vb[1] == null) {
      // A release comes after its pre-releases.
      return va[1] == null ? (vb[1] == null ? 0 : 1) : -1;
    }
    return compareParts(va[1].split("\\.", -1), vb[1].split("\\.", -1), false);
  }

  /** {release, pre-release or null}, build metadata dropped. */
  private static String[] split(String version) {
    String v = version.strip();
    int plus = v.indexOf('+');
    if (plus >= 0) {
      v = v.substring(0, plus);
    }
    int dash = v.indexOf('-');
    return dash < 0
        ? new String[] {v, null}
        : new String[] {v.substring(0, dash), v.substring(dash + 1)};
  }

  private static int compareParts(String[] a, String[] b, boolean padWithZero) {
    int n = Math.max(a.length, b.length);
    for (int i = 0; i < n; i++) {
      if (!padWithZero && (i >= a.length || i >= b.length)) {
        return Integer.compare(a.length, b.length);
      }
      String pa = i < a.length ? a[i] : "0";
      String pb = i < b.length ? b[i] : "0";
      int c = comparePart(pa, pb);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int comparePart(String a, String b) {
    boolean da = isDigits(a);
    boolean db = isDigits(b);
    if (da && db) {
      String ta = stripZeros(a);
      String tb = stripZeros(b);
      return ta.length() != tb.length()
          ? Integer.compare(ta.length(), tb.length())
          : Integer.signum(ta.compareTo(tb));
    }
    if (da != db) {
      return da ? -1 : 1;
    }
    return Integer.signum(a.compareTo(b));
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static String stripZeros(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }
}
