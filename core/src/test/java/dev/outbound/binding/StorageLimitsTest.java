package dev.outbound.binding;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import org.junit.jupiter.api.Test;

class StorageLimitsTest {

  @Test
  void keyAndValueTogetherAreAtMostTwoMegabytes() {
    assertDoesNotThrow(() -> StorageLimits.checkEntry("k", new byte[1_999_999]));
    var tooLarge =
        assertThrows(
            BindingLimitException.class, () -> StorageLimits.checkEntry("é", new byte[1_999_999]));
    assertEquals(
        "storage key and value are 2000001 bytes; the limit is 2000000", tooLarge.getMessage());
  }

  @Test
  void batchesTakeAtMost128Keys() {
    assertDoesNotThrow(() -> StorageLimits.checkBatch(Collections.nCopies(128, "k")));
    assertThrows(
        BindingLimitException.class, () -> StorageLimits.checkBatch(Collections.nCopies(129, "k")));
  }
}
