package dev.freshjar.cache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two modules that publish the same bytes (two names for one jar, a mirror) are each checked and
 * installed, even when their checks overlap: one module's check never makes the other unavailable.
 */
class SameJarTwoModulesTest {
  @TempDir Path dir;

  @Test
  void aSecondModuleWaitsForTheFirstOnesCheckOfTheSameBytesInsteadOfBeingRefused()
      throws Exception {
    byte[] jar = TestJars.module("Twin", "1.0", "twin.Rule");
    Path first = Files.write(dir.resolve("first.jar"), jar);
    Path second = Files.write(dir.resolve("second.jar"), jar);
    CountDownLatch firstInCheck = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger checks = new AtomicInteger();
    JarCheck slowFirst =
        file -> {
          if (checks.incrementAndGet() == 1) {
            firstInCheck.countDown();
            try {
              release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    ModuleCache cache = ModuleCache.open(dir.resolve("cache"));

    CompletableFuture<Refresh> a =
        CompletableFuture.supplyAsync(
            () -> cache.refresh(ModuleSource.of("a", first.toUri()), slowFirst, false));
    assertTrue(firstInCheck.await(30, TimeUnit.SECONDS));
    CompletableFuture<Refresh> b =
        CompletableFuture.supplyAsync(
            () -> cache.refresh(ModuleSource.of("b", second.toUri()), slowFirst, false));
    // b arrives while a's check of the same bytes is running; it must not be answered yet.
    Thread.sleep(300);
    boolean bDecidedEarly = b.isDone();
    release.countDown();

    assertInstanceOf(Refresh.Fresh.class, a.get(30, TimeUnit.SECONDS));
    Refresh ofB = b.get(30, TimeUnit.SECONDS);
    assertInstanceOf(Refresh.Fresh.class, ofB, ofB::toString);
    assertFalse(bDecidedEarly, "b was answered while a's check ran");
  }
}
