package dev.outbound.runtime.binding.durable;

import java.time.Duration;
import java.util.Objects;

/**
 * How a failed alarm delivery is retried: after {@code firstDelay}, then twice as long each time up
 * to {@code maxDelay}, at most {@code maxRetries} times before the alarm is dropped.
 */
public record AlarmBackoff(Duration firstDelay, Duration maxDelay, int maxRetries) {

  /** Cloudflare's policy: six retries, the first after a second or two, doubling. */
  public static final AlarmBackoff DEFAULT =
      new AlarmBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 6);

  /**
   * Validates the policy.
   *
   * @throws IllegalArgumentException if a delay is not positive, {@code maxDelay} is below {@code
   *     firstDelay}, or {@code maxRetries} is negative
   */
  public AlarmBackoff {
    Objects.requireNonNull(firstDelay, "firstDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (firstDelay.isNegative() || firstDelay.isZero()) {
      throw new IllegalArgumentException(
          "first alarm retry delay must be positive, got " + firstDelay);
    }
    if (maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException(
          "max alarm retry delay " + maxDelay + " is below the first delay " + firstDelay);
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException(
          "max alarm retries must not be negative, got " + maxRetries);
    }
  }

  /** Returns how long to wait after the {@code failures}-th failed delivery (1 for the first). */
  Duration delayAfter(int failures) {
    Duration delay = firstDelay;
    for (int i = 1; i < failures && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) < 0 ? delay : maxDelay;
  }
}
