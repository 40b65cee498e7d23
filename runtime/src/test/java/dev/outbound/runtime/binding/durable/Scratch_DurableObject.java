package dev.outbound.runtime.binding.durable;

import dev.outbound.binding.DurableObjectState;
import dev.outbound.spi.BindingRequirement;
import dev.outbound.spi.BindingResolver;
import dev.outbound.spi.DurableObjectDefinition;
import dev.outbound.spi.ObjectActor;
import java.util.List;

/** What the processor generates for {@link Scratch}. */
final class Scratch_DurableObject implements DurableObjectDefinition<Scratch> {

  @Override
  public Class<Scratch> objectClass() {
    return Scratch.class;
  }

  @Override
  public List<BindingRequirement> bindings() {
    return List.of();
  }

  @Override
  public Scratch activate(DurableObjectState state, ObjectActor actor, BindingResolver bindings) {
    return new Scratch_Stub(state, actor);
  }
}
