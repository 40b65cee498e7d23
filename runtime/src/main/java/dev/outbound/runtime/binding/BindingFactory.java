package dev.outbound.runtime.binding;

import io.helidon.config.Config;

/** Makes one configured binding at start. */
@FunctionalInterface
public interface BindingFactory {

  /**
   * The binding instance.
   *
   * @param name the binding's name, as handlers ask for it with {@code @Named}
   * @param node its node {@code outbound.bindings.<name>}
   * @param context the data directory, class loader and the other bindings
   * @throws InvalidBindingException with a message that says what to change
   */
  Object create(String name, Config node, BindingContext context);
}
