package dev.outbound.runtime.log;

import java.time.Instant;

/**
 * Writes instants exactly as {@link Instant#toString()} does, reusing the text of the last second:
 * records arrive thousands per second, and formatting each date and time anew cost the egress log
 * writer more than the rest of the record.
 *
 * <p>Not thread-safe: one per writing thread.
 */
final class InstantText {

  /** 10^(n) for n = 0..8: the place of a fraction's first digit. */
  private static final int[] PLACES = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
  };

  private long cachedSecond = Long.MIN_VALUE;
  private String cachedText = "";

  void append(Instant instant, StringBuilder out) {
    if (instant.getEpochSecond() != cachedSecond) {
      String whole = Instant.ofEpochSecond(instant.getEpochSecond()).toString();
      cachedText = whole.substring(0, whole.length() - 1); // without the 'Z'
      cachedSecond = instant.getEpochSecond();
    }
    out.append(cachedText);
    appendFraction(instant.getNano(), out);
    out.append('Z');
  }

  /** As ISO-8601 and {@code Instant.toString}: none, or 3, 6 or 9 digits, whichever is exact. */
  private static void appendFraction(int nanos, StringBuilder out) {
    if (nanos == 0) {
      return;
    }
    int digits;
    int value;
    if (nanos % 1_000_000 == 0) {
      digits = 3;
      value = nanos / 1_000_000;
    } else if (nanos % 1_000 == 0) {
      digits = 6;
      value = nanos / 1_000;
    } else {
      digits = 9;
      value = nanos;
    }
    out.append('.');
    for (int place = PLACES[digits - 1]; place > 1 && value < place; place /= 10) {
      out.append('0');
    }
    out.append(value);
  }
}
