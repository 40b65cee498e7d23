package dev.outbound.runtime.binding;

import java.util.Objects;

/**
 * A kind of binding that {@code outbound.bindings.<NAME>.type} can name.
 *
 * @param name the config type name, e.g. {@code secret}
 * @param type the binding interface handlers receive, e.g. {@code Secret}
 * @param factory makes instances from their config
 */
public record BindingType(String name, Class<?> type, BindingFactory factory) {

  public BindingType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(factory, "factory");
  }
}
