package dev.outbound.runtime.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstantTextTest {

  private final InstantText text = new InstantText();

  @Test
  void writesEveryFractionAsInstantToStringDoes() {
    long[] seconds = {0, 1_764_187_549L, 253_402_300_799L, 253_402_300_800L, -1};
    int[] nanos = {
      0,
      1,
      9,
      10,
      999,
      1_000,
      5_000,
      50_000,
      999_000,
      1_000_000,
      5_000_000,
      10_000_000,
      120_000_000,
      123_456_000,
      123_456_789,
      999_999_999,
      7_000_001
    };
    for (long second : seconds) {
      for (int nano : nanos) {
        Instant instant = Instant.ofEpochSecond(second, nano);
        assertEquals(instant.toString(), format(instant), "epoch second " + second + " + " + nano);
      }
    }
  }

  @Test
  void reusesTheSecondOnlyWhileItLasts() {
    Instant first = Instant.parse("2026-11-26T20:05:49.100Z");
    assertEquals("2026-11-26T20:05:49.100Z", format(first));
    assertEquals("2026-11-26T20:05:49.900Z", format(first.plusMillis(800)));
    assertEquals("2026-11-26T20:05:50Z", format(first.plusMillis(900)));
    assertEquals("2026-11-26T20:05:49.100Z", format(first));
  }

  private String format(Instant instant) {
    StringBuilder out = new StringBuilder();
    text.append(instant, out);
    return out.toString();
  }
}
