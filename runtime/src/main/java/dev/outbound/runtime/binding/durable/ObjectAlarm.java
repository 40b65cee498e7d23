package dev.outbound.runtime.binding.durable;

import dev.outbound.binding.AlarmHandler;
import dev.outbound.binding.AlarmInfo;
import java.time.Instant;
import java.util.Optional;

/**
 * The alarm of one object, kept in its own file (the truth) and mirrored into the namespace's
 * {@link AlarmIndex} through the {@link AlarmScheduler}. Used under the object's lock.
 */
final class ObjectAlarm {

  private final ActiveObject<?> object;
  private final AlarmScheduler scheduler;
  private final boolean deliverable;
  private final Class<?> objectClass;
  private boolean changedSinceSync;

  ObjectAlarm(
      ActiveObject<?> object, AlarmScheduler scheduler, boolean deliverable, Class<?> objectClass) {
    this.object = object;
    this.scheduler = scheduler;
    this.deliverable = deliverable;
    this.objectClass = objectClass;
  }

  Optional<Instant> get() {
    return object.database()
        .queryLong("SELECT alarm_millis FROM _outbound_object")
        .stream()
        .mapToObj(Instant::ofEpochMilli)
        .findFirst();
  }

  /**
   * Writes the alarm; the index learns of it once the write commits, in {@link
   * #syncUnlessInTransaction}.
   *
   * @throws IllegalStateException if the object's class does not implement {@link AlarmHandler}
   */
  void set(Instant at) {
    if (!deliverable) {
      throw new IllegalStateException(objectClass.getName()
          + " does not implement AlarmHandler, so its alarm could never be delivered");
    }
    long millis;
    try {
      millis = at.toEpochMilli();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("alarm time " + at + " is out of range", e);
    }
    // Lowered first, so the index is never later than the file, even if the process dies now.
    scheduler.lower(object.id(), Instant.ofEpochMilli(millis));
    write(millis);
  }

  void delete() {
    write(null);
  }

  /** Tells the index the committed alarm, if it changed, unless a transaction is still open. */
  void syncUnlessInTransaction() {
    if (changedSinceSync && !object.database().inTransaction()) {
      changedSinceSync = false;
      scheduler.changed(object.id(), get());
    }
  }

  /**
   * Calls {@code stub}'s handler if the alarm is due at {@code now}, then clears the alarm unless
   * the handler set a new one. If the handler throws, the alarm stays for a retry, or is dropped
   * once it has failed too often.
   */
  void deliverIfDue(Object stub, AlarmInfo info, Instant now) {
    Optional<Instant> due = get();
    if (due.isEmpty() || due.get().isAfter(now)) {
      scheduler.changed(object.id(), due); // the index was early: only the file is the truth
      return;
    }
    // A class that no longer implements AlarmHandler has its old alarm cleared.
    if (stub instanceof AlarmHandler handler) {
      try {
        handler.alarm(info);
      } catch (Exception e) {
        if (get().equals(due) && scheduler.retry(object.id(), info.retryCount() + 1, e).isEmpty()) {
          delete();
        }
        syncUnlessInTransaction();
        return;
      }
    }
    if (get().equals(due)) {
      delete();
    }
    syncUnlessInTransaction();
  }

  private void write(Long millis) {
    object.database().update("UPDATE _outbound_object SET alarm_millis = ?", millis);
    changedSinceSync = true;
  }
}
