package dev.outbound.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ResolvedRangeTest {

  @Test
  void contentRangeNamesFirstAndLastByteAndSize() {
    assertEquals("bytes 0-99/1000", new ResolvedRange(0, 100).contentRange(1000));
    assertEquals("bytes 999-999/1000", new ResolvedRange(999, 1).contentRange(1000));
  }

  @Test
  void lastByteIsInclusive() {
    assertEquals(109, new ResolvedRange(10, 100).lastByte());
  }

  @Test
  void contentRangeRejectsARangePastTheObject() {
    assertThrows(
        IllegalArgumentException.class, () -> new ResolvedRange(990, 20).contentRange(1000));
  }

  @Test
  void emptyOrNegativeRangesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new ResolvedRange(0, 0));
    assertThrows(IllegalArgumentException.class, () -> new ResolvedRange(-1, 10));
  }
}
