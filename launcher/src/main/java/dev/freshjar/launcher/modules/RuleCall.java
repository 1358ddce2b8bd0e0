package dev.freshjar.launcher.modules;

import dev.freshjar.api.Input;
import dev.freshjar.api.Table;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One rule call on a thread of its own, so that whoever waits for it (the shell on Ctrl-C, a
 * server's per-request limit) can cancel it and go on. Cancelling interrupts the thread and closes
 * every stream the rule opened on its input; a rule that ignores both is abandoned: its thread is a
 * daemon, so it never keeps the JVM alive, but it goes on running (and holding its class loader)
 * until it returns.
 */
public final class RuleCall {
  /** How {@link #cancel} ended. */
  public enum Cancellation {
    /** The call had already finished. */
    ALREADY_DONE,
    /** The rule stopped within the grace period. */
    STOPPED,
    /** The rule ignored the interrupt and the closed input; its thread was left running. */
    ABANDONED
  }

  private final String name;
  private final Thread thread;
  private final CompletableFuture<Table> result = new CompletableFuture<>();
  private final List<Closeable> opened = new ArrayList<>();
  private boolean cancelled;

  private RuleCall(String name, Input input, Function<Input, Table> body) {
    this.name = name;
    Input tracked =
        Input.of(input.name(), () -> track(input.openStream()), input.charset(), size(input));
    this.thread =
        new Thread(
            () -> {
              try {
                result.complete(body.apply(tracked));
              } catch (Throwable e) {
                result.completeExceptionally(e);
              }
            },
            "freshjar-rule-" + name);
    thread.setDaemon(true);
  }

  /**
   * Starts {@code body} on its own daemon thread.
   *
   * @param name what the call is called in thread dumps and messages (e.g. {@code text:top})
   * @param input the rule's input; streams opened on it are closed by {@link #cancel}
   * @param body the call, usually {@code in -> rule.run(in, arguments)}
   */
  public static RuleCall start(String name, Input input, Function<Input, Table> body) {
    RuleCall call = new RuleCall(name, input, body);
    call.thread.start();
    return call;
  }

  public String name() {
    return name;
  }

  /** Waits for the result; what the call threw is thrown here, unchanged. */
  public Table await() throws InterruptedException {
    try {
      return result.get();
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  /**
   * Waits at most {@code limit} for the result.
   *
   * @throws TimeoutException when the call is still running; it is not cancelled
   */
  public Table await(Duration limit) throws InterruptedException, TimeoutException {
    try {
      return result.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  public boolean isDone() {
    return result.isDone();
  }

  /**
   * Runs {@code action} once the rule has returned or thrown: at once if it already has, else on
   * the rule's thread. For what must outlive an abandoned call, e.g. the lease on its module
   * version, which must stay open while the rule still runs.
   */
  public void whenDone(Runnable action) {
    result.whenComplete((table, failure) -> action.run());
  }

  /** Interrupts the rule, closes its input, and waits up to {@code grace} for its thread to end. */
  public Cancellation cancel(Duration grace) {
    if (result.isDone()) {
      return Cancellation.ALREADY_DONE;
    }
    List<Closeable> toClose;
    synchronized (this) {
      cancelled = true;
      toClose = List.copyOf(opened);
    }
    thread.interrupt();
    for (Closeable stream : toClose) {
      closeQuietlyForCancel(stream);
    }
    try {
      thread.join(Math.max(1, grace.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return thread.isAlive() ? Cancellation.ABANDONED : Cancellation.STOPPED;
  }

  private synchronized InputStream track(InputStream stream) throws IOException {
    if (cancelled) {
      stream.close();
      throw new IOException("cancelled");
    }
    InputStream wrapped = new FilterInputStream(stream) {};
    opened.add(wrapped);
    return wrapped;
  }

  // The rule is being cancelled: a failure to close its input changes nothing for the user, and
  // the rule's own read fails either way.
  private static void closeQuietlyForCancel(Closeable stream) {
    try {
      stream.close();
    } catch (IOException ignored) {
      // nothing to report: see above
    }
  }

  private static long size(Input input) {
    return input.sizeHint().orElse(-1);
  }

  private static RuntimeException rethrow(Throwable cause) {
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    throw new IllegalStateException(cause);
  }
}
