package dev.outbound.runtime.proxy;

import dev.outbound.runtime.policy.ClassPolicy;
import dev.outbound.spi.ContainerDefinition;
import dev.outbound.spi.RouteTable;
import java.util.Objects;

/**
 * A container class as this server runs it: its generated definition, its one handler instance and
 * its policy (the annotation's, with {@code outbound.classes} overrides applied).
 */
public final class ContainerClass<T> {

  private final ContainerDefinition<T> definition;
  private final T handler;
  private final ClassPolicy policy;

  public ContainerClass(ContainerDefinition<T> definition, T handler, ClassPolicy policy) {
    this.definition = Objects.requireNonNull(definition, "definition");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  public String name() {
    return definition.name();
  }

  public ContainerDefinition<T> definition() {
    return definition;
  }

  public T handler() {
    return handler;
  }

  public ClassPolicy policy() {
    return policy;
  }

  public RouteTable<T> routes() {
    return definition.routes();
  }
}
