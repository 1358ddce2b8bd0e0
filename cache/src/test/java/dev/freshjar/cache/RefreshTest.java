package dev.freshjar.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Outcomes are values: two are equal only when everything they say, typed cause included, is. */
class RefreshTest {
  private static final CachedJar JAR =
      new CachedJar(
          "mod",
          "a".repeat(64),
          Path.of("objects", "a".repeat(64)),
          "",
          "1.0",
          URI.create("https://example.invalid/mod.jar"),
          Instant.EPOCH,
          Optional.empty(),
          Optional.empty());

  @Test
  void fallbacksForTheSameJarAndReasonButAnotherCauseDiffer() {
    assertNotEquals(
        new Refresh.Fallback(JAR, "HTTP 503", Cause.HTTP_STATUS),
        new Refresh.Fallback(JAR, "HTTP 503", Cause.UNREACHABLE));
  }

  @Test
  void unavailablesForTheSameModuleAndReasonButAnotherCauseDiffer() {
    assertNotEquals(
        new Refresh.Unavailable("mod", "no jar", Cause.OFFLINE),
        new Refresh.Unavailable("mod", "no jar", Cause.DAMAGED));
  }

  @Test
  void outcomesThatSayTheSameAreEqualAndHashAlike() {
    Refresh.Fallback a = new Refresh.Fallback(JAR, "offline", Cause.OFFLINE);
    Refresh.Fallback b = new Refresh.Fallback(JAR, "offline", Cause.OFFLINE);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
  }
}
