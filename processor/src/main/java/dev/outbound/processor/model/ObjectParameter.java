package dev.outbound.processor.model;

/** A parameter of a durable object's constructor, which its stub's constructor takes as well. */
public sealed interface ObjectParameter {

  /** The parameter's name, kept in the stub's constructor. */
  String name();

  /** The object's {@code DurableObjectState}, which the runtime passes to {@code activate}. */
  record State(String name) implements ObjectParameter {}

  /** A configured binding, resolved as for a container. */
  record Binding(String name, BindingParameter binding) implements ObjectParameter {}
}
