package dev.outbound.binding;

/** What a durable object receives by injection: its id and its own storage. */
public interface DurableObjectState {

  /** Returns the id of this object. */
  DurableObjectId id();

  /** Returns this object's storage, private to it and kept across restarts. */
  DurableObjectStorage storage();
}
