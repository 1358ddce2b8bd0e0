package dev.freshjar.launcher.modules;

import java.util.List;

/**
 * A module version whose loader was closed after a reload but cannot be unloaded, because threads
 * it started still run: their class or their context class loader is that version's.
 *
 * @param module the module's name
 * @param version the drained version, e.g. {@code 1.0/3f2a9c1b7d4e}
 * @param threads the names of the threads that keep it, as the module gave them
 */
public record LingeringThreads(String module, String version, List<String> threads) {
  private static final int SHOWN = 5;
  private static final int NAME_LIMIT = 60;

  public LingeringThreads {
    threads = List.copyOf(threads);
  }

  /** One line for the user; thread names come from module code, so they are bounded and escaped. */
  public String describe() {
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < Math.min(SHOWN, threads.size()); i++) {
      names.append(i == 0 ? "" : ", ").append(printable(threads.get(i)));
    }
    if (threads.size() > SHOWN) {
      names.append(" and ").append(threads.size() - SHOWN).append(" more");
    }
    return module
        + ": version "
        + version
        + " cannot be unloaded while its threads run: "
        + names
        + " (the module started them and did not stop them)";
  }

  private static String printable(String name) {
    String bounded = name.length() > NAME_LIMIT ? name.substring(0, NAME_LIMIT) + "..." : name;
    StringBuilder out = new StringBuilder();
    bounded
        .codePoints()
        .forEach(c -> out.append(Character.isISOControl(c) ? "?" : Character.toString(c)));
    return out.toString();
  }
}
