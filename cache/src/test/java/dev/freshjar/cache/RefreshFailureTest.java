package dev.freshjar.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class RefreshFailureTest {
  @Test
  void orKindGivesAFailureOfThatKindAndLeavesTheOriginalAsItWas() {
    RefreshFailure plain = new RefreshFailure("cannot fetch x");

    RefreshFailure kinded = plain.orKind(Cause.UNREACHABLE);

    assertEquals(Cause.UNREACHABLE, kinded.kind());
    assertEquals(Cause.OTHER, plain.kind());
  }

  @Test
  void orKindKeepsAKindGivenWhereTheFailureWasThrown() {
    RefreshFailure precise = new RefreshFailure("no such module", Cause.HTTP_STATUS, 404);

    assertSame(precise, precise.orKind(Cause.UNREACHABLE));
  }

  @Test
  void orKindKeepsReasonStatusCauseAndStackTrace() {
    IOException io = new IOException("connection reset");
    RefreshFailure answered =
        new RefreshFailure("cannot fetch x", new RefreshFailure("HTTP 401", Cause.OTHER, 401));
    RefreshFailure withIo = new RefreshFailure("cannot fetch y", io);

    RefreshFailure kinded = answered.orKind(Cause.UNREACHABLE);

    assertEquals("cannot fetch x", kinded.reason());
    assertEquals(401, kinded.status());
    assertSame(answered.getCause(), kinded.getCause());
    assertArrayEquals(answered.getStackTrace(), kinded.getStackTrace());
    assertSame(io, withIo.orKind(Cause.UNREACHABLE).getCause());
  }
}
