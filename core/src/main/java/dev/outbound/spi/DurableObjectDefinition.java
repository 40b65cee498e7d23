package dev.outbound.spi;

import dev.outbound.binding.DurableObjectState;
import java.util.List;

/**
 * What the runtime needs to activate objects of one {@code @DurableObject} class, generated as
 * {@code <Class>_DurableObject} and registered for {@link java.util.ServiceLoader}.
 *
 * <p>The object the runtime activates is the generated stub {@code <Class>_Stub}, a subclass whose
 * public methods run through the object's {@link ObjectActor}; its constructor is the class's own
 * {@code @Inject} constructor, run once per activation with the object's real state.
 */
public interface DurableObjectDefinition<T> {

  /** The annotated class. */
  Class<T> objectClass();

  /** Bindings the constructor needs besides {@link DurableObjectState}. */
  List<BindingRequirement> bindings();

  /** Activates one object: constructs the stub with its state, actor and bindings. */
  T activate(DurableObjectState state, ObjectActor actor, BindingResolver bindings);
}
