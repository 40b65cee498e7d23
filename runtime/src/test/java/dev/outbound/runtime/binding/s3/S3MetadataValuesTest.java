package dev.outbound.runtime.binding.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3MetadataValuesTest {

  @ParameterizedTest
  @ValueSource(strings = {"plain", "", "a = b ? c", "%41"})
  void printableAsciiTravelsAsItIs(String value) {
    assertEquals(value, S3MetadataValues.encode(value));
    assertEquals(value, S3MetadataValues.decode(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ünïcode", "😀", " leading", "trailing ", "tab\there", "=?UTF-8?B?Zm9v?="})
  void otherValuesTravelAsEncodedWordsOfPrintableAscii(String value) {
    String encoded = S3MetadataValues.encode(value);

    assertTrue(encoded.startsWith("=?UTF-8?B?") && encoded.chars().allMatch(c -> c > 0x20 && c < 0x7f || c == ' '),
        encoded);
    assertEquals(value, S3MetadataValues.decode(encoded));
  }

  @Test
  void longValuesAreSplitIntoWordsOfAtMost75CharactersWithoutSplittingACharacter() {
    String value = "ж😀".repeat(100);

    String encoded = S3MetadataValues.encode(value);

    for (String word : encoded.split(" ")) {
      assertTrue(word.length() <= 75, word);
    }
    assertEquals(value, S3MetadataValues.decode(encoded));
  }

  @Test
  void decodesTheQEncodingAndOtherCharsetsThatServicesAnswer() {
    assertEquals("ünï code", S3MetadataValues.decode("=?UTF-8?Q?=C3=BCn=C3=AF_code?="));
    assertEquals("ünï", S3MetadataValues.decode("=?ISO-8859-1?q?=FCn=EF?="));
    assertEquals("ab", S3MetadataValues.decode("=?utf-8?b?YQ==?= =?utf-8?b?Yg==?="));
  }

  @ParameterizedTest
  @ValueSource(strings = {"=?UTF-8?B?not base64!?=", "=?no-such-charset?B?YQ==?=", "=?UTF-8?B?YQ==?= tail", "=?x?="})
  void textThatIsNotEncodedWordsStaysAsItIs(String text) {
    assertEquals(text, S3MetadataValues.decode(text));
  }
}
