package dev.outbound.binding;

/** A durable object's own SQLite database, as Cloudflare's {@code ctx.storage.sql}. */
public interface SqlStorage {

  /**
   * Runs {@code query} with {@code bindings} for its {@code ?} parameters: null, {@code String},
   * {@code Long}, {@code Integer}, {@code Double}, {@code Boolean} or {@code byte[]}.
   *
   * @throws IllegalArgumentException if the query is {@code BEGIN}, {@code COMMIT}, {@code
   *     ROLLBACK} or {@code SAVEPOINT}; use {@link DurableObjectStorage#transaction} instead
   */
  SqlCursor exec(String query, Object... bindings);

  /** Returns the size of the database in bytes. */
  long databaseSize();
}
