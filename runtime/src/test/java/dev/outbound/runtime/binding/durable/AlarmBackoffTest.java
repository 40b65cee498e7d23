package dev.outbound.runtime.binding.durable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlarmBackoffTest {

  @Test
  void delaysDoubleUpToTheCap() {
    AlarmBackoff backoff = new AlarmBackoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 6);
    assertEquals(Duration.ofSeconds(1), backoff.delayAfter(1));
    assertEquals(Duration.ofSeconds(2), backoff.delayAfter(2));
    assertEquals(Duration.ofSeconds(4), backoff.delayAfter(3));
    assertEquals(Duration.ofSeconds(5), backoff.delayAfter(4));
    assertEquals(Duration.ofSeconds(5), backoff.delayAfter(60));
  }

  @Test
  void theDefaultRetriesSixTimes() {
    assertEquals(6, AlarmBackoff.DEFAULT.maxRetries());
    assertEquals(Duration.ofSeconds(32), AlarmBackoff.DEFAULT.delayAfter(6));
  }

  @Test
  void rejectsNonsense() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new AlarmBackoff(Duration.ZERO, Duration.ofSeconds(1), 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AlarmBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AlarmBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1), -1));
    assertThrows(
        IllegalArgumentException.class, () -> new DurableObjectSettings(0, AlarmBackoff.DEFAULT));
  }
}
