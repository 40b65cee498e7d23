package dev.outbound.spi;

import java.util.List;

/**
 * Everything the runtime needs to serve one container class, generated as {@code
 * <Class>_OutboundContainer} and registered for {@link java.util.ServiceLoader}.
 */
public interface ContainerDefinition<T> {

  /** The container class name from {@code @OutboundContainer(name)}. */
  String name();

  /** The annotated handler class. */
  Class<T> handlerClass();

  StaticPolicy policy();

  /** The bindings the class's constructor needs: the manifest checked at start. */
  List<BindingRequirement> bindings();

  /** Builds the one handler instance through the generated injector. */
  T newInstance(BindingResolver bindings);

  RouteTable<T> routes();
}
