package dev.freshjar.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({"500, 500ms", "1000, 1s", "1500, 1500ms", "10000, 10s", "60000, 1m", "90000, 90s"})
  void durationsReadLikeTheCommandLineWritesThem(long millis, String text) {
    assertEquals(text, Durations.format(Duration.ofMillis(millis)));
  }

  @ParameterizedTest
  @CsvSource({"3600000, 1h", "7200000, 2h", "5400000, 90m"})
  void anHourIsWrittenAsAnHourNotAsSixtyMinutes(long millis, String text) {
    assertEquals(text, Durations.format(Duration.ofMillis(millis)));
  }

  @ParameterizedTest
  @CsvSource({"500ms, 500", "2s, 2000", "5m, 300000", "1h, 3600000"})
  void whatFormatWritesParseReads(String text, long millis) {
    assertEquals(Duration.ofMillis(millis), Durations.parse(text));
    assertEquals(text, Durations.format(Durations.parse(text)));
  }

  @ParameterizedTest
  @CsvSource({"100, 100 bytes", "1024, 1 KiB", "1500, 1500 bytes", "67108864, 64 MiB"})
  void sizesReadLikeAPersonWritesThem(long bytes, String text) {
    assertEquals(text, Durations.bytes(bytes));
  }
}
