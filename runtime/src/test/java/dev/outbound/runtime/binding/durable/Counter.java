package dev.outbound.runtime.binding.durable;

import dev.outbound.DurableObject;
import dev.outbound.binding.DurableObjectState;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * A durable object as a user would write it. {@link #increment} reads, pauses and writes, so two
 * calls that overlapped would lose an update: only the actor keeps the count exact.
 */
@DurableObject
public class Counter {

  private final DurableObjectState state;

  @Inject
  public Counter(DurableObjectState state, @Named("activations") ActivationLog activations) {
    this.state = state;
    activations.record(state.id());
  }

  public long increment() {
    long next = value() + 1;
    try {
      Thread.sleep(1); // widens the window in which an overlapping call would read the old value
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    state.storage().putText("count", Long.toString(next));
    return next;
  }

  public long value() {
    return state.storage().getText("count").map(Long::parseLong).orElse(0L);
  }

  /** Calls another public method of the same object, as a method may. */
  public long incrementTwice() {
    increment();
    return increment();
  }
}
