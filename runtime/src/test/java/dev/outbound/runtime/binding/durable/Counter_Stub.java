package dev.outbound.runtime.binding.durable;

import dev.outbound.binding.DurableObjectState;
import dev.outbound.spi.ObjectActor;

/** What the processor generates for {@link Counter}: every public method through the actor. */
final class Counter_Stub extends Counter {

  private final ObjectActor actor;

  Counter_Stub(DurableObjectState state, ActivationLog activations, ObjectActor actor) {
    super(state, activations);
    this.actor = actor;
  }

  @Override
  public long increment() {
    return actor.call(() -> super.increment());
  }

  @Override
  public long value() {
    return actor.call(() -> super.value());
  }

  @Override
  public long incrementTwice() {
    return actor.call(() -> super.incrementTwice());
  }
}
