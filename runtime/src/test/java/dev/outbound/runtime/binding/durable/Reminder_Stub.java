package dev.outbound.runtime.binding.durable;

import dev.outbound.binding.AlarmInfo;
import dev.outbound.binding.DurableObjectState;
import dev.outbound.spi.ObjectActor;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What the processor generates for {@link Reminder}. */
final class Reminder_Stub extends Reminder {

  private final ObjectActor actor;

  Reminder_Stub(DurableObjectState state, AlarmLog log, ObjectActor actor) {
    super(state, log);
    this.actor = actor;
  }

  @Override
  public void remindAt(Instant at) {
    actor.run(() -> super.remindAt(at));
  }

  @Override
  public void remindEvery(Duration period) {
    actor.run(() -> super.remindEvery(period));
  }

  @Override
  public Optional<Instant> scheduled() {
    return actor.call(() -> super.scheduled());
  }

  @Override
  public void cancel() {
    actor.run(() -> super.cancel());
  }

  @Override
  public void remindAtThenAbort(Instant at) {
    actor.run(() -> super.remindAtThenAbort(at));
  }

  @Override
  public void remindAtWhile(Instant at, Runnable meanwhile) {
    actor.run(() -> super.remindAtWhile(at, meanwhile));
  }

  @Override
  public void forgetEverything() {
    actor.run(() -> super.forgetEverything());
  }

  @Override
  public void alarm(AlarmInfo info) throws Exception {
    actor.call(() -> {
      super.alarm(info);
      return null;
    });
  }
}
