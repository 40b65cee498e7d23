package dev.outbound.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8Test {

  @Test
  void lengthCountsUtf8Bytes() {
    for (String text : List.of("", "a", "é", "€", "😀", "aé€😀")) {
      assertEquals(text.getBytes(StandardCharsets.UTF_8).length, Utf8.length(text, "text"), text);
    }
  }

  @Test
  void lengthRejectsUnpairedSurrogates() {
    var lowAlone =
        assertThrows(IllegalArgumentException.class, () -> Utf8.length("ab\uDE00", "KV key"));
    assertEquals(
        "KV key has an unpaired surrogate at index 2, which UTF-8 cannot encode",
        lowAlone.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Utf8.length("\uD83D", "key"));
    assertThrows(IllegalArgumentException.class, () -> Utf8.length("\uD83Da", "key"));
  }

  @Test
  void byteOrderPutsSupplementaryCharactersAfterTheBasicPlane() {
    // UTF-16 order would put U+1F600 (surrogates D83D DE00) before U+FFFF; UTF-8 order puts it
    // after.
    assertTrue(Utf8.BYTE_ORDER.compare("\uFFFF", "😀") < 0);
    assertTrue("\uFFFF".compareTo("😀") > 0);
  }

  @Test
  void byteOrderMatchesComparingEncodedBytes() {
    List<String> keys =
        new ArrayList<>(List.of("b", "a", "ab", "", "é", "😀", "\uFFFF", "A", "a\u0000"));
    keys.sort(Utf8.BYTE_ORDER);
    for (int i = 1; i < keys.size(); i++) {
      byte[] previous = keys.get(i - 1).getBytes(StandardCharsets.UTF_8);
      byte[] current = keys.get(i).getBytes(StandardCharsets.UTF_8);
      assertTrue(Arrays.compareUnsigned(previous, current) < 0, keys.toString());
    }
  }

  @Test
  void byteOrderTreatsEqualStringsAsEqual() {
    assertEquals(0, Utf8.BYTE_ORDER.compare("same😀", "same😀"));
  }
}
