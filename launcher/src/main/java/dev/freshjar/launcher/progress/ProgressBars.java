package dev.freshjar.launcher.progress;

import dev.freshjar.cache.DownloadProgress;
import dev.freshjar.launcher.input.InputProgress;
import dev.freshjar.launcher.terminal.TerminalFacts;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Progress bars on standard error for long work: a module's or an input's download, a rule reading
 * a large file. Drawn only on a terminal, and only for work still going on after {@link #DELAY}, so
 * that a quick run shows nothing; one bar at a time, the oldest first. The bars themselves are
 * me.tongfei:progressbar's, loaded only when one is shown.
 */
public final class ProgressBars implements InputProgress {
  /**
   * How long work goes on before it gets a bar: a second (tests shorten it with the system property
   * freshjar.progress.delayMillis, so that they need not make work that lasts).
   */
  static final Duration DELAY =
      Duration.ofMillis(Long.getLong("freshjar.progress.delayMillis", 1000));

  private final PrintStream err;
  private final int columns;
  private final boolean on;
  private final List<Meter> live = new ArrayList<>();
  private volatile boolean silenced;
  private ScheduledExecutorService timer;
  private Meter shown;

  private ProgressBars(PrintStream err, int columns, boolean on) {
    this.err = err;
    this.columns = columns;
    this.on = on;
  }

  /**
   * Bars on {@code err} when it is a terminal; otherwise none. Also follows the cache's module
   * downloads, process-wide, while it draws.
   */
  public static ProgressBars on(TerminalFacts terminal, PrintStream err) {
    ProgressBars bars =
        new ProgressBars(err, terminal.columns().orElse(80), terminal.stderrIsTerminal());
    DownloadProgress.listen(bars.on ? bars::moduleDownload : null);
    return bars;
  }

  /** No bars from now on: {@code --quiet}, or a session whose commands come through a pipe. */
  public void silence() {
    silenced = true;
    closeAll();
  }

  @Override
  public InputStream watch(String label, long length, InputStream in) {
    if (!on || silenced) {
      return in;
    }
    return new MeteredStream(in, start(label, length));
  }

  private DownloadProgress.Download moduleDownload(String module, URI url, long length) {
    Meter meter = start("module " + module, length);
    return new DownloadProgress.Download() {
      @Override
      public void advanced(long total) {
        meter.advanced(total);
      }

      @Override
      public void finished() {
        meter.close();
      }
    };
  }

  private synchronized Meter start(String label, long length) {
    Meter meter = new Meter(this, label, length);
    if (!on || silenced) {
      meter.close();
      return meter;
    }
    live.add(meter);
    if (timer == null) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread thread = new Thread(task, "freshjar-progress");
                thread.setDaemon(true);
                return thread;
              });
    }
    timer.schedule(this::showNext, DELAY.toMillis(), TimeUnit.MILLISECONDS);
    return meter;
  }

  /** Shows the oldest meter that has run for {@link #DELAY}, if no bar is on screen. */
  private synchronized void showNext() {
    if (shown != null || silenced) {
      return;
    }
    for (Meter meter : live) {
      if (meter.age().compareTo(DELAY) >= 0) {
        meter.show(err, columns);
        shown = meter;
        return;
      }
    }
  }

  synchronized void closed(Meter meter) {
    live.remove(meter);
    if (shown == meter) {
      shown = null;
      showNext();
    }
  }

  /**
   * Takes every bar off the screen, before results or messages are printed; work still going on (a
   * download the run stopped waiting for) is no longer shown.
   */
  public void closeAll() {
    List<Meter> meters;
    synchronized (this) {
      meters = List.copyOf(live);
    }
    for (Meter meter : meters) {
      meter.close();
    }
  }
}
