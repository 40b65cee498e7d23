package dev.outbound.runtime.binding.durable;

import dev.outbound.DurableObject;
import dev.outbound.binding.AlarmHandler;
import dev.outbound.binding.AlarmInfo;
import dev.outbound.binding.DurableObjectState;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A durable object that sets alarms and, if asked, sets the next one when an alarm fires. */
@DurableObject
public class Reminder implements AlarmHandler {

  private final DurableObjectState state;
  private final AlarmLog log;

  @Inject
  public Reminder(DurableObjectState state, @Named("alarms") AlarmLog log) {
    this.state = state;
    this.log = log;
  }

  public void remindAt(Instant at) {
    state.storage().setAlarm(at);
  }

  public void remindEvery(Duration period) {
    state.storage().putText("period", Long.toString(period.toMillis()));
    state.storage().setAlarm(Instant.now().plus(period));
  }

  public Optional<Instant> scheduled() {
    return state.storage().getAlarm();
  }

  public void cancel() {
    state.storage().deleteAlarm();
  }

  /** Sets the alarm in a transaction that then fails, so the alarm must not stay set. */
  public void remindAtThenAbort(Instant at) {
    state.storage().transaction(tx -> {
      tx.setAlarm(at);
      throw new IllegalStateException("aborted");
    });
  }

  /** Sets the alarm in a transaction that runs {@code meanwhile} before it commits. */
  public void remindAtWhile(Instant at, Runnable meanwhile) {
    state.storage().transaction(tx -> {
      tx.setAlarm(at);
      meanwhile.run();
      return null;
    });
  }

  public void forgetEverything() {
    state.storage().deleteAll();
  }

  @Override
  public void alarm(AlarmInfo info) throws Exception {
    log.record(state.id(), info);
    Optional<String> period = state.storage().getText("period");
    if (period.isPresent()) {
      state.storage().setAlarm(Instant.now().plusMillis(Long.parseLong(period.get())));
    }
  }
}
