package dev.freshjar.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionOrderTest {
  @ParameterizedTest(name = "{0} < {1}")
  @CsvSource({
    "1.0, 2.0",
    "1.9, 1.10",
    "1.2, 1.2.1",
    "0.9.9, 1",
    "2.0-SNAPSHOT, 2.0",
    "2.0-alpha, 2.0-beta",
    "2.0-rc.1, 2.0-rc.2",
    "2.0-rc.9, 2.0-rc.10",
    "2.0-rc, 2.0-rc.1",
    "1.0, 1.0a",
    "1.a, 1.b",
    "1.0-rc.1+build.9, 1.0",
  })
  void ordersVersions(String lower, String higher) {
    assertEquals(-1, VersionOrder.compare(lower, higher));
    assertEquals(1, VersionOrder.compare(higher, lower));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({"1.2, 1.2.0", "1.02, 1.2", "1.0+build.1, 1.0+build.2", "3, 3.0.0"})
  void treatsAsEqual(String a, String b) {
    assertEquals(0, VersionOrder.compare(a, b));
    assertEquals(0, VersionOrder.compare(b, a));
  }
}
