package dev.freshjar.launcher.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshjar.api.Column;
import dev.freshjar.api.Input;
import dev.freshjar.api.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RuleCallTest {
  private static final Duration GRACE = Duration.ofSeconds(5);

  private static Table bytesRead(Input input) {
    try (InputStream in = input.openStream()) {
      long n = in.readAllBytes().length;
      return Table.builder(Column.integer("bytes")).row(n).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void returnsTheRulesTable() throws Exception {
    RuleCall call =
        RuleCall.start("t:count", Input.ofBytes("doc", new byte[7]), RuleCallTest::bytesRead);

    assertThat(call.await().rows()).containsExactly(java.util.List.of(7L));
  }

  @Test
  void rethrowsWhatTheRuleThrew() {
    RuleCall call =
        RuleCall.start(
            "t:boom",
            Input.ofBytes("doc", new byte[0]),
            in -> {
              throw new IllegalArgumentException("boom");
            });

    assertThatThrownBy(call::await).isInstanceOf(IllegalArgumentException.class).hasMessage("boom");
  }

  @Test
  void awaitWithALimitLeavesASlowCallRunning() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    RuleCall call =
        RuleCall.start(
            "t:slow",
            Input.ofBytes("doc", new byte[0]),
            in -> {
              awaitQuietly(release);
              return Table.builder(Column.integer("n")).row(1L).build();
            });

    assertThatThrownBy(() -> call.await(Duration.ofMillis(50)))
        .isInstanceOf(TimeoutException.class);
    release.countDown();
    assertThat(call.await().rows()).hasSize(1);
  }

  @Test
  void cancelClosesTheInputOfARuleBlockedOnARead() throws Exception {
    PipedOutputStream writer = new PipedOutputStream();
    PipedInputStream pipe = new PipedInputStream(writer);
    writer.write("never finished".getBytes(StandardCharsets.UTF_8));
    Input input = Input.of("pipe", () -> pipe, StandardCharsets.UTF_8, -1);
    RuleCall call = RuleCall.start("t:count", input, RuleCallTest::bytesRead);

    assertThat(call.cancel(GRACE)).isEqualTo(RuleCall.Cancellation.STOPPED);
    assertThatThrownBy(call::await).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void cancelInterruptsARuleThatWaits() {
    RuleCall call =
        RuleCall.start(
            "t:sleepy",
            Input.ofBytes("doc", new byte[0]),
            in -> {
              try {
                Thread.sleep(60_000);
              } catch (InterruptedException e) {
                throw new IllegalStateException("interrupted");
              }
              return Table.builder(Column.integer("n")).row(1L).build();
            });

    assertThat(call.cancel(GRACE)).isEqualTo(RuleCall.Cancellation.STOPPED);
    assertThatThrownBy(call::await).hasMessage("interrupted");
  }

  @Test
  void aRuleThatIgnoresCancellationIsAbandonedOnADaemonThread() {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicBoolean daemon = new AtomicBoolean();
    RuleCall call =
        RuleCall.start(
            "t:spin",
            Input.ofBytes("doc", new byte[0]),
            in -> {
              daemon.set(Thread.currentThread().isDaemon());
              while (!stop.get()) {
                Thread.onSpinWait();
              }
              return Table.builder(Column.integer("n")).row(1L).build();
            });

    try {
      assertThat(call.cancel(Duration.ofMillis(200))).isEqualTo(RuleCall.Cancellation.ABANDONED);
      assertThat(daemon).isTrue();
    } finally {
      stop.set(true);
    }
  }

  @Test
  void cancellingAFinishedCallChangesNothing() throws Exception {
    RuleCall call =
        RuleCall.start("t:count", Input.ofBytes("doc", new byte[3]), RuleCallTest::bytesRead);
    call.await();

    assertThat(call.cancel(GRACE)).isEqualTo(RuleCall.Cancellation.ALREADY_DONE);
  }

  @Test
  void whenDoneRunsOnceAnAbandonedCallReturnsAndNotBefore() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    RuleCall call =
        RuleCall.start(
            "t:stubborn",
            Input.ofBytes("doc", new byte[0]),
            in -> {
              while (release.getCount() > 0) {
                awaitIgnoringInterrupts(release);
              }
              return Table.builder(Column.integer("n")).row(1L).build();
            });
    assertThat(call.cancel(Duration.ofMillis(100))).isEqualTo(RuleCall.Cancellation.ABANDONED);

    call.whenDone(done::countDown);

    assertThat(done.getCount()).as("still running").isEqualTo(1);
    release.countDown();
    assertThat(done.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void whenDoneRunsAtOnceForAFinishedCall() throws Exception {
    RuleCall call =
        RuleCall.start("t:count", Input.ofBytes("doc", new byte[3]), RuleCallTest::bytesRead);
    call.await();
    AtomicBoolean ran = new AtomicBoolean();

    call.whenDone(() -> ran.set(true));

    assertThat(ran).isTrue();
  }

  private static void awaitIgnoringInterrupts(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      // This rule ignores cancellation on purpose.
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
