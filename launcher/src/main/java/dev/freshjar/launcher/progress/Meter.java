package dev.freshjar.launcher.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** One piece of long work: bytes so far of a known or unknown length; a bar once shown. */
final class Meter {
  private static final long MIB = 1 << 20;

  private final ProgressBars owner;
  private final String label;
  private final long length;
  private final long startNanos = System.nanoTime();
  private final AtomicLong total = new AtomicLong();
  private volatile ProgressBar bar;
  private boolean closed;

  Meter(ProgressBars owner, String label, long length) {
    this.owner = owner;
    this.label = label;
    this.length = length;
  }

  Duration age() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  void advanced(long bytes) {
    total.set(bytes);
    ProgressBar b = bar;
    if (b != null) {
      b.stepTo(bytes);
    }
  }

  /** Draws the bar: bytes (of the length, when known), rate, and the time left when known. */
  synchronized void show(PrintStream err, int columns) {
    if (closed) {
      return;
    }
    boolean large = Math.max(length, total.get()) >= 10 * MIB;
    bar =
        new ProgressBarBuilder()
            .setTaskName(label)
            .setInitialMax(length)
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit(large ? " MiB" : " KiB", large ? MIB : 1024)
            .showSpeed()
            .setUpdateIntervalMillis(250)
            .startsFrom(total.get(), age())
            .clearDisplayOnFinish()
            .setConsumer(new ConsoleProgressBarConsumer(err, Math.max(columns - 1, 20)))
            .build();
  }

  void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (bar != null) {
        bar.stepTo(total.get());
        bar.close();
      }
    }
    owner.closed(this);
  }
}
