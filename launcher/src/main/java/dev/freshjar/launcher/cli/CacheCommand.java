package dev.freshjar.launcher.cli;

import dev.freshjar.cache.CachedJar;
import dev.freshjar.cache.GcReport;
import dev.freshjar.cache.LostVersion;
import dev.freshjar.cache.VerifyReport;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import dev.freshjar.launcher.output.Untrusted;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code cache gc} and {@code cache verify}: housekeeping of the cache directory itself. */
@Command(
    name = "cache",
    mixinStandardHelpOptions = true,
    description = "Housekeeping of the cache: 'cache gc', 'cache verify'.")
final class CacheCommand {
  /** How many versions of each module {@code cache gc} keeps unless told otherwise. */
  static final int DEFAULT_KEEP = 3;

  @ParentCommand FreshjarCommand parent;

  @Command(
      name = "gc",
      mixinStandardHelpOptions = true,
      description =
          "Keeps the newest N cached versions of each module, and its current (perhaps pinned)"
              + " one; deletes every other stored jar.")
  int gc(
      @Option(
              names = "--keep",
              paramLabel = "N",
              defaultValue = "" + DEFAULT_KEEP,
              description = "Versions to keep per module (default: ${DEFAULT-VALUE}).")
          int keep) {
    if (keep < 1) {
      throw CommandFailure.usage("--keep " + keep + ": keep at least 1 version per module");
    }
    GcReport report = CacheErrors.translate(() -> parent.cache().gc(keep));
    PrintWriter out = parent.streams().out();
    for (Map.Entry<String, List<CachedJar>> dropped : report.dropped().entrySet()) {
      println(
          out,
          dropped.getKey()
              + ": dropped "
              + dropped.getValue().size()
              + (dropped.getValue().size() == 1 ? " old version: " : " old versions: ")
              + dropped.getValue().stream()
                  .map(CachedJar::label)
                  .collect(Collectors.joining(", ")));
    }
    for (Map.Entry<String, List<LostVersion>> lost : report.lost().entrySet()) {
      for (LostVersion version : lost.getValue()) {
        println(
            out,
            lost.getKey()
                + ": dropped "
                + version.version().label()
                + ": its jar is "
                + (version.damage() == LostVersion.Damage.MISSING ? "missing" : "damaged")
                + ", so it could never run again");
      }
    }
    int deleted = report.deletedJars().size();
    out.println(
        deleted == 0
            ? "no jar to delete"
            : "deleted "
                + deleted
                + (deleted == 1 ? " jar, " : " jars, ")
                + "freed "
                + bytes(report.bytesFreed()));
    out.flush();
    return ExitStatus.OK.code();
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Re-hashes every stored jar and checks that every version a module record names is"
            + " stored; prints each problem.",
        "Exit status 5 when there is any."
      })
  int verify() {
    VerifyReport report = parent.cache().verify();
    PrintWriter out = parent.streams().out();
    for (String problem : report.problems()) {
      out.println("problem: " + Untrusted.text(problem));
    }
    out.println(
        "checked "
            + report.jarsChecked()
            + (report.jarsChecked() == 1 ? " jar" : " jars")
            + " and "
            + report.recordsChecked()
            + (report.recordsChecked() == 1 ? " module record: " : " module records: ")
            + (report.clean()
                ? "all good"
                : report.problems().size()
                    + (report.problems().size() == 1 ? " problem" : " problems")));
    out.flush();
    return (report.clean() ? ExitStatus.OK : ExitStatus.CACHE_DAMAGED).code();
  }

  private static String bytes(long n) {
    if (n >= 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
    }
    return n >= 1024 ? String.format(Locale.ROOT, "%.1f KiB", n / 1024.0) : n + " bytes";
  }

  private static void println(PrintWriter out, String line) {
    out.println(Untrusted.text(line));
  }
}
