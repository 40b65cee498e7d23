package dev.outbound.binding;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectLimitsTest {

  @Test
  void keysAreOneTo1024Utf8Bytes() {
    assertDoesNotThrow(() -> ObjectLimits.checkKey("a"));
    assertDoesNotThrow(() -> ObjectLimits.checkKey("k".repeat(1024)));
    assertDoesNotThrow(() -> ObjectLimits.checkKey("."));
    var tooLong =
        assertThrows(BindingLimitException.class, () -> ObjectLimits.checkKey("é".repeat(513)));
    assertEquals("object key is 1026 bytes; it must be 1 to 1024", tooLong.getMessage());
    assertThrows(BindingLimitException.class, () -> ObjectLimits.checkKey(""));
  }

  @Test
  void customMetadataKeysAreLowercaseTokens() {
    assertDoesNotThrow(() -> ObjectLimits.checkCustomMetadata(Map.of("owner-id_2.x", "Ana Lopez")));
    var upper =
        assertThrows(
            BindingLimitException.class,
            () -> ObjectLimits.checkCustomMetadata(Map.of("Owner", "a")));
    assertEquals(
        "custom metadata key \"Owner\" must be a lowercase HTTP token", upper.getMessage());
    assertThrows(
        BindingLimitException.class, () -> ObjectLimits.checkCustomMetadata(Map.of("a b", "a")));
    assertThrows(
        BindingLimitException.class, () -> ObjectLimits.checkCustomMetadata(Map.of("", "a")));
    assertThrows(
        BindingLimitException.class, () -> ObjectLimits.checkCustomMetadata(Map.of("clé", "a")));
  }

  @Test
  void customMetadataValuesHaveNoControlCharacters() {
    assertDoesNotThrow(() -> ObjectLimits.checkCustomMetadata(Map.of("note", "tab\tand ünïcode")));
    assertThrows(
        BindingLimitException.class,
        () -> ObjectLimits.checkCustomMetadata(Map.of("note", "a\r\nx-injected: 1")));
    assertThrows(
        BindingLimitException.class,
        () -> ObjectLimits.checkCustomMetadata(Map.of("note", "\u007f")));
  }

  @Test
  void customMetadataIsAtMost2048Bytes() {
    assertDoesNotThrow(() -> ObjectLimits.checkCustomMetadata(Map.of("k", "v".repeat(2047))));
    var tooLarge =
        assertThrows(
            BindingLimitException.class,
            () -> ObjectLimits.checkCustomMetadata(Map.of("k", "é".repeat(1024))));
    assertEquals("custom metadata is 2049 bytes; the limit is 2048", tooLarge.getMessage());
  }

  @Test
  void uploadsAreAtMostFiveGibibytesLessFiveMebibytes() {
    assertDoesNotThrow(() -> ObjectLimits.checkUploadSize(5_363_466_240L));
    assertThrows(BindingLimitException.class, () -> ObjectLimits.checkUploadSize(5_363_466_241L));
  }

  @Test
  void partNumbersAreOneTo10000() {
    assertDoesNotThrow(() -> ObjectLimits.checkPartNumber(1));
    assertDoesNotThrow(() -> ObjectLimits.checkPartNumber(10_000));
    assertThrows(BindingLimitException.class, () -> ObjectLimits.checkPartNumber(0));
    assertThrows(BindingLimitException.class, () -> ObjectLimits.checkPartNumber(10_001));
  }

  @Test
  void deleteTakesAtMost1000ValidKeys() {
    assertDoesNotThrow(() -> ObjectLimits.checkDelete(Collections.nCopies(1000, "k")));
    var tooMany =
        assertThrows(
            BindingLimitException.class,
            () -> ObjectLimits.checkDelete(Collections.nCopies(1001, "k")));
    assertEquals("delete of 1001 keys; the limit is 1000", tooMany.getMessage());
    assertThrows(BindingLimitException.class, () -> ObjectLimits.checkDelete(List.of("ok", "")));
  }

  @Test
  void listLimitIsOneTo1000() {
    assertDoesNotThrow(() -> ObjectLimits.checkListLimit(1000));
    assertThrows(BindingLimitException.class, () -> ObjectLimits.checkListLimit(0));
    assertThrows(BindingLimitException.class, () -> ObjectLimits.checkListLimit(1001));
  }
}
