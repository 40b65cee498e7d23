package dev.outbound.processor.model;

/**
 * The kinds of class whose constructor generated code calls with bindings. A durable object's
 * constructor may also take the object's {@code DurableObjectState}; a container's takes bindings
 * only.
 */
public enum InjectedClass {
  CONTAINER,
  DURABLE_OBJECT;

  public boolean takesState() {
    return this == DURABLE_OBJECT;
  }
}
