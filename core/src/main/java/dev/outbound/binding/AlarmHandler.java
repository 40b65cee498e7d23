package dev.outbound.binding;

/**
 * Implemented by a durable object class that sets alarms. Delivery is at least once, one at a time
 * with the object's other calls; a call that throws is retried with exponential backoff.
 */
public interface AlarmHandler {

  /** Handles the alarm set by {@link DurableObjectStorage#setAlarm}; throw to have it retried. */
  void alarm(AlarmInfo info) throws Exception;
}
