package dev.outbound.runtime.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Reads durations as people write them in config: {@code 30s}, {@code 500ms}, {@code 2m}, or ISO
 * {@code PT30S}.
 */
final class DurationText {

  private DurationText() {}

  /** The duration, or {@code null} when the text is none of the accepted forms. */
  static Duration parse(String text) {
    String value = text.trim();
    if (value.startsWith("P") || value.startsWith("p")) {
      try {
        return Duration.parse(value);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    int digits = 0;
    while (digits < value.length() && value.charAt(digits) >= '0' && value.charAt(digits) <= '9') {
      digits++;
    }
    if (digits == 0 || digits > 9) {
      return null;
    }
    long amount = Long.parseLong(value.substring(0, digits));
    return switch (value.substring(digits)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> null;
    };
  }
}
