package dev.freshjar.textutils;

import static dev.freshjar.textutils.Texts.bytes;
import static dev.freshjar.textutils.Texts.wc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class WcRuleTest {
  private static final String HEADER = "lines\twords\tchars\tbytes\n";

  @Test
  void countsNothingInAnEmptyInput() throws IOException {
    assertEquals(HEADER + "0\t0\t0\t0\n", wc(""));
  }

  @Test
  void countsNewlineCharactersAsLinesSoAnUnterminatedLastLineDoesNotCount() throws IOException {
    assertEquals(HEADER + "1\t3\t11\t11\n", wc("one two\nsix"));
  }

  @Test
  void doesNotCountCarriageReturnsAsLines() throws IOException {
    assertEquals(HEADER + "1\t2\t5\t5\n", wc("a\rb\r\n"));
  }

  @Test
  void countsCodePointsNotUtf16UnitsOrBytes() throws IOException {
    // U+1D11E is two UTF-16 units and four bytes, but one character.
    assertEquals(HEADER + "0\t1\t3\t7\n", wc("é\uD834\uDD1Ea"));
  }

  @Test
  void separatesWordsByEveryUnicodeWhiteSpaceCharacter() throws IOException {
    assertEquals(HEADER + "0\t4\t7\t12\n", wc("a\u00a0b\u3000c\u2028d"));
  }

  @Test
  void countsEachMaximalMalformedSubpartAsOneCharacter() throws IOException {
    // A surrogate (ED A0 80) is three malformed subparts in Python; Java's decoder makes it one.
    assertEquals(HEADER + "0\t1\t3\t3\n", wc(bytes("\\xed\\xa0\\x80")));
    // A truncated sequence is one subpart, however many of its bytes arrived.
    assertEquals(HEADER + "0\t1\t2\t4\n", wc(bytes("\\xf0\\x9f\\x98a")));
  }

  @Test
  void reportsTheInputBytesNotThoseOfTheDecodedText() throws IOException {
    // One byte becomes U+FFFD, three bytes in UTF-8.
    assertEquals(HEADER + "0\t1\t1\t1\n", wc(bytes("\\xff")));
  }
}
