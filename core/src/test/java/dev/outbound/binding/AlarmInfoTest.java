package dev.outbound.binding;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AlarmInfoTest {

  @Test
  void firstDeliveryIsNotARetry() {
    assertFalse(new AlarmInfo(0).isRetry());
    assertTrue(new AlarmInfo(1).isRetry());
  }

  @Test
  void negativeRetryCountIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new AlarmInfo(-1));
  }
}
