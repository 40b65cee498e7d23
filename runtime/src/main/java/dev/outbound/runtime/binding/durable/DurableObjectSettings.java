package dev.outbound.runtime.binding.durable;

import java.util.Objects;

/**
 * Settings of one durable object namespace.
 *
 * @param maxOpenObjects how many objects may be open (activated, SQLite file open) at once; the
 *     least valuable open one is closed to make room
 * @param alarmBackoff how failed alarm deliveries are retried
 */
public record DurableObjectSettings(int maxOpenObjects, AlarmBackoff alarmBackoff) {

  /** 1000 open objects (3 file descriptors each in WAL mode) and {@link AlarmBackoff#DEFAULT}. */
  public static final DurableObjectSettings DEFAULT =
      new DurableObjectSettings(1000, AlarmBackoff.DEFAULT);

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if {@code maxOpenObjects} is under one
   */
  public DurableObjectSettings {
    Objects.requireNonNull(alarmBackoff, "alarmBackoff");
    if (maxOpenObjects < 1) {
      throw new IllegalArgumentException(
          "max open objects must be at least 1, got " + maxOpenObjects);
    }
  }
}
