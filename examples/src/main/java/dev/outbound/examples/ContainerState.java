package dev.outbound.examples;

import dev.outbound.DurableObject;
import dev.outbound.binding.DurableObjectState;
import jakarta.inject.Inject;
import java.util.Optional;

/** The durable object behind each {@code my-container} instance: a small key-value state. */
@DurableObject
public class ContainerState {

  private final DurableObjectState state;

  @Inject
  public ContainerState(DurableObjectState state) {
    this.state = state;
  }

  public Optional<String> getStateForKey(String key) {
    return state.storage().getText(key);
  }

  public void setStateForKey(String key, String value) {
    state.storage().putText(key, value);
  }
}
