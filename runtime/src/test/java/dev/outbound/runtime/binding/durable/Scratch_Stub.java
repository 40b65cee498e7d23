package dev.outbound.runtime.binding.durable;

import dev.outbound.binding.DurableObjectState;
import dev.outbound.binding.DurableObjectStorage;
import dev.outbound.spi.ObjectActor;

/** What the processor generates for {@link Scratch}. */
final class Scratch_Stub extends Scratch {

  private final ObjectActor actor;

  Scratch_Stub(DurableObjectState state, ObjectActor actor) {
    super(state);
    this.actor = actor;
  }

  @Override
  public DurableObjectStorage storage() {
    return actor.call(() -> super.storage());
  }
}
