package dev.outbound.runtime.binding.durable;

import dev.outbound.DurableObject;
import dev.outbound.binding.DurableObjectState;
import dev.outbound.binding.DurableObjectStorage;
import jakarta.inject.Inject;

/** A durable object that hands out its storage, for tests of the storage API itself. */
@DurableObject
public class Scratch {

  private final DurableObjectState state;

  @Inject
  public Scratch(DurableObjectState state) {
    this.state = state;
  }

  public DurableObjectStorage storage() {
    return state.storage();
  }
}
