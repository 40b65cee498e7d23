package dev.outbound.runtime.binding.durable;

import dev.outbound.binding.DurableObjectState;
import dev.outbound.spi.BindingRequirement;
import dev.outbound.spi.BindingResolver;
import dev.outbound.spi.DurableObjectDefinition;
import dev.outbound.spi.ObjectActor;
import java.util.List;

/** What the processor generates for {@link Counter}. */
final class Counter_DurableObject implements DurableObjectDefinition<Counter> {

  @Override
  public Class<Counter> objectClass() {
    return Counter.class;
  }

  @Override
  public List<BindingRequirement> bindings() {
    return List.of(
        new BindingRequirement(
            "activations",
            ActivationLog.class,
            "ActivationLog",
            "dev.outbound.runtime.binding.durable.Counter(activations)"));
  }

  @Override
  public Counter activate(DurableObjectState state, ObjectActor actor, BindingResolver bindings) {
    return new Counter_Stub(state, bindings.binding("activations", ActivationLog.class), actor);
  }
}
