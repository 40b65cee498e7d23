package dev.outbound.spi;

import java.util.Objects;

/**
 * One binding a container class needs, as the generated manifest records it: the runtime checks the
 * configuration against these at start.
 *
 * @param name the {@code @Named} value
 * @param type the binding interface, e.g. {@code KvNamespace}
 * @param declaredType the parameter's full declared type, e.g. {@code
 *     DurableObjectNamespace<Counter>}
 * @param declaredAt where it was declared, e.g. {@code com.example.MyApp(kv)}, for error messages
 */
public record BindingRequirement(
    String name, Class<?> type, String declaredType, String declaredAt) {

  public BindingRequirement {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(declaredType, "declaredType");
    Objects.requireNonNull(declaredAt, "declaredAt");
  }
}
