package dev.outbound.runtime.binding.durable;

import dev.outbound.spi.BindingResolver;
import java.util.Map;

/** A binding resolver over a map, as the runtime's would be over the configuration. */
record TestBindings(Map<String, Object> bindings) implements BindingResolver {

  static TestBindings of(String name, Object binding) {
    return new TestBindings(Map.of(name, binding));
  }

  @Override
  public <B> B binding(String name, Class<B> type) {
    Object binding = bindings.get(name);
    if (!type.isInstance(binding)) {
      throw new IllegalStateException("no binding " + name + " of type " + type.getName());
    }
    return type.cast(binding);
  }
}
