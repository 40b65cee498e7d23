package dev.outbound.runtime.binding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it, for expirations and cache times. */
public final class ManualClock extends Clock {

  private volatile Instant now;

  /** Creates a clock that reads {@code start}. */
  public ManualClock(Instant start) {
    this.now = start;
  }

  /** Moves the clock forward by {@code duration}. */
  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a ManualClock is always UTC");
  }
}
