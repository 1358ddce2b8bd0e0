package dev.freshjar.launcher.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits a text table into a terminal's width: the widest text columns give up width until the row
 * fits, and their cells wrap onto continuation lines. Nothing is cut off; numbers never wrap.
 */
final class TableFit {
  /** A text column keeps at least this many characters (or its natural width if smaller). */
  static final int MIN_WIDTH = 12;

  private TableFit() {}

  /**
   * Narrows {@code widths} in place so that the row, with {@code gap} between columns, fits {@code
   * max}: the room left by the number columns is shared out among the text columns, a column that
   * needs less than an equal share keeping its width, the others getting equal shares (never less
   * than {@link #MIN_WIDTH}, so a very narrow terminal may still overflow).
   *
   * @param text which columns hold text and may wrap
   */
  static void narrow(int[] widths, boolean[] text, int max, int gap) {
    long total = (long) (widths.length - 1) * gap;
    for (int width : widths) {
      total += width;
    }
    if (total <= max) {
      return;
    }
    long room = max - (long) (widths.length - 1) * gap;
    boolean[] flexible = text.clone();
    int count = 0;
    for (int i = 0; i < widths.length; i++) {
      if (flexible[i]) {
        count++;
      } else {
        room -= widths[i];
      }
    }
    boolean settled = false;
    while (!settled && count > 0) {
      settled = true;
      long share = room / count;
      for (int i = 0; i < widths.length; i++) {
        if (flexible[i] && widths[i] <= share) {
          flexible[i] = false;
          room -= widths[i];
          count--;
          settled = false;
        }
      }
    }
    for (int i = 0; i < widths.length; i++) {
      if (flexible[i]) {
        widths[i] = (int) Math.max(MIN_WIDTH, Math.min(widths[i], room / count));
      }
    }
  }

  /**
   * {@code text} in lines of at most {@code width} code points, broken at a space where there is
   * one, else after a slash, else exactly at the width.
   */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    int[] cps = text.codePoints().toArray();
    int start = 0;
    while (cps.length - start > width) {
      int end = start + width;
      int space = -1;
      for (int i = end - 1; i > start; i--) {
        if (cps[i] == ' ') {
          space = i;
          break;
        }
      }
      if (space > 0) {
        lines.add(new String(cps, start, space - start));
        start = space + 1;
        continue;
      }
      // A URL or path: after a '/' if one is in the second half of the line.
      int cut = end;
      for (int i = end - 1; i > start + width / 2; i--) {
        if (cps[i - 1] == '/') {
          cut = i;
          break;
        }
      }
      lines.add(new String(cps, start, cut - start));
      start = cut;
    }
    lines.add(new String(cps, start, cps.length - start));
    return lines;
  }
}
