package dev.freshjar.textutils;

import static dev.freshjar.textutils.Texts.bytes;
import static dev.freshjar.textutils.Texts.histogram;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class HistogramRuleTest {
  private static final String HEADER = "word\tcount\n";

  @Test
  void listsEveryWordMostFrequentFirst() throws IOException {
    assertEquals(HEADER + "b\t3\na\t2\nc\t1\n", histogram("a b c b a b"));
  }

  @Test
  void keepsCaseAndPunctuation() throws IOException {
    assertEquals(HEADER + "Whale\t1\nwhale\t1\nwhale,\t1\n", histogram("whale Whale whale,"));
  }

  @Test
  void breaksTiesByCodePointSoSupplementaryCharactersComeAfterPrivateUse() throws IOException {
    // In UTF-16 order U+1F600 (D83D DE00) would sort before U+E000.
    assertEquals(
        HEADER + "Z\t1\na\t1\n\uE000\t1\n\uD83D\uDE00\t1\n", histogram("\uD83D\uDE00 \uE000 a Z"));
  }

  @Test
  void countsWordsThatDifferOnlyInTheirMalformedBytesAsOneWord() throws IOException {
    assertEquals(
        HEADER + "x\uFFFDy\t4\n", histogram(bytes("x\\xffy x\\x80y x\\xe2\\x82y x\uFFFDy")));
  }

  @Test
  void doesNotSplitAtInformationSeparatorsThoughJavaCallsThemWhitespace() throws IOException {
    assertEquals(HEADER + "a\u001cb\t1\n", histogram("a\u001cb"));
  }

  @Test
  void doesNotSplitAtZeroWidthSpaceWhichIsNotWhiteSpace() throws IOException {
    assertEquals(HEADER + "a\u200bb\t1\n", histogram("a\u200bb"));
  }

  @Test
  void hasOnlyAHeaderForAnInputWithoutWords() throws IOException {
    assertEquals(HEADER, histogram(" \n\t\u3000"));
  }
}
