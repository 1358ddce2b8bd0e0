package dev.freshjar.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjar.cache.trust.AuthorSignature;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordFormatTest {
  static final String A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  static final String B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
  static final String C = "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";

  static ModuleRecord record() {
    URI url = URI.create("https://example.org/mod.jar?x=1#y");
    return new ModuleRecord(
        "mod",
        url,
        new Validators(Optional.of("W/\"a=b#c\""), Optional.of("Wed, 21 Oct 2015 07:28:00 GMT")),
        B,
        true,
        List.of(
            new ModuleRecord.Version(
                A,
                "Mod",
                "2.0",
                Instant.parse("2024-05-01T10:00:00.123Z"),
                url,
                Optional.of(
                    new AuthorSignature(
                        "0123456789abcdef", "2.0-rc.1", Instant.parse("2024-04-30T09:00:00Z"))),
                Optional.empty()),
            new ModuleRecord.Version(
                B,
                "",
                "",
                Instant.parse("2024-04-01T10:00:00Z"),
                URI.create("file:/x.jar"),
                Optional.empty(),
                Optional.empty())));
  }

  @Test
  void aRecordReadsBackEqualToWhatWasWritten() {
    ModuleRecord r = record();

    assertEquals(r, RecordFormat.read(RecordFormat.write(r)));
  }

  @Test
  void isOneReadableKeyValueLinePerField() {
    String text = RecordFormat.write(record());

    assertTrue(text.contains("\nurl=https://example.org/mod.jar?x=1#y\n"), text);
    assertTrue(text.contains("\ncurrent=" + B + "\n"), text);
    assertTrue(text.contains("\nhistory.0.version=2.0\n"), text);
    assertTrue(text.contains("\nhistory.1.fetched=2024-04-01T10:00:00Z\n"), text);
  }

  @Test
  void keepsTheSignatureFactsOfSignedVersionsOnly() {
    String text = RecordFormat.write(record());

    assertTrue(text.contains("\nhistory.0.signed-by=0123456789abcdef\n"), text);
    assertTrue(text.contains("\nhistory.0.signed-version=2.0-rc.1\n"), text);
    assertTrue(text.contains("\nhistory.0.signed-at=2024-04-30T09:00:00Z\n"), text);
    assertFalse(text.contains("history.1.signed"), text);
  }

  @Test
  void refusesSignatureFactsWithoutTheSignedVersion() {
    String text = RecordFormat.write(record()).replace("history.0.signed-version=", "x=");

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RecordFormat.read(text));
    assertEquals("no history.0.signed-version", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"2024-04-01T10:00:00Z", "2024-04-01T10:00:00.120Z", "2024-04-01T10:00:00.123456Z"})
  void timesReadBackExactly(String time) {
    String text = RecordFormat.write(record()).replace("2024-04-01T10:00:00Z", time);

    assertEquals(Instant.parse(time), RecordFormat.read(text).history().get(1).fetchedAt());
  }

  @Test
  void absentValidatorsStayAbsent() {
    ModuleRecord r = record().withValidators(URI.create("file:/x.jar"), Validators.NONE);

    assertEquals(Validators.NONE, RecordFormat.read(RecordFormat.write(r)).validators());
  }

  @Test
  void aLineBreakInAValueCannotForgeAKey() {
    URI url = URI.create("https://example.org/m.jar");
    ModuleRecord r =
        ModuleRecord.installed(
            Optional.empty(),
            "mod",
            new ModuleRecord.Version(
                A, "t\ncurrent=" + B, "1", Instant.EPOCH, url, Optional.empty(), Optional.empty()),
            Validators.NONE);

    ModuleRecord read = RecordFormat.read(RecordFormat.write(r));

    assertEquals(A, read.currentSha());
    assertEquals("t current=" + B, read.current().title());
  }

  @Test
  void keysItDoesNotKnowAreIgnored() {
    String text = RecordFormat.write(record()) + "added-later=1\n";

    assertEquals(record(), RecordFormat.read(text));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "format=1|format=2|format 2 is not 1",
        "current=" + B + "|current=../../etc/passwd|current is not a SHA-256",
        "current=" + B + "|current=" + C + "|is not in the history",
        "history.0.fetched=2024-05-01T10:00:00.123Z|history.0.fetched=yesterday|not a time",
        "module=mod|modul=mod|no module",
      })
  void aDamagedRecordIsRefusedSayingWhy(String original, String damaged, String why) {
    String text = RecordFormat.write(record()).replace(original, damaged);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RecordFormat.read(text));
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }
}
