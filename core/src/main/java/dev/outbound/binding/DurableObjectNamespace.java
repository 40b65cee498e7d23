package dev.outbound.binding;

/**
 * The durable objects of one class, as Cloudflare's {@code DurableObjectNamespace}; {@code T} is
 * the type of the stubs that {@link #get} returns.
 */
public interface DurableObjectNamespace<T> {

  /**
   * Returns the id for {@code name}: the same name always gives the same id, in this namespace, on
   * every run.
   */
  DurableObjectId idFromName(String name);

  /**
   * Parses an id from the hex that {@link DurableObjectId#toString()} gave.
   *
   * @throws IllegalArgumentException if {@code hex} is not a well-formed id
   */
  DurableObjectId idFromString(String hex);

  /** Returns a new random id that no other call returns. */
  DurableObjectId newUniqueId();

  /**
   * Returns a stub for the object {@code id}, creating the object on first use. Calls through stubs
   * of one object run one at a time, in arrival order (actor semantics); calls to different objects
   * run in parallel, and an object must not call its own stub, which would wait for itself.
   */
  T get(DurableObjectId id);
}
