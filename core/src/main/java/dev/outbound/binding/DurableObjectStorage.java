package dev.outbound.binding;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * A durable object's private storage (SQLite backend): SQL, a key-value API and one alarm. Outside
 * {@link #transaction} each write commits on its own; limits are in {@link StorageLimits}.
 */
public interface DurableObjectStorage {

  /** Returns the SQL API over this object's database. */
  SqlStorage sql();

  /**
   * Runs {@code body} in a transaction: its SQL and key-value writes commit together when it
   * returns, and roll back when it throws, the exception then propagating. A nested call rolls back
   * only its own writes.
   */
  <R> R transaction(Function<DurableObjectStorage, R> body);

  /** Returns the value under {@code key}, or empty if there is none. */
  Optional<byte[]> get(String key);

  /** Returns the value under {@code key} decoded as UTF-8, or empty if there is none. */
  default Optional<String> getText(String key) {
    return get(key).map(value -> new String(value, StandardCharsets.UTF_8));
  }

  /**
   * Returns the values of up to 128 {@code keys}; keys without a value are absent from the map.
   *
   * @throws BindingLimitException if there are more than 128 keys
   */
  Map<String, byte[]> get(Collection<String> keys);

  /**
   * Stores {@code value} under {@code key}, replacing any value.
   *
   * @throws BindingLimitException if key and value together exceed 2 MB
   */
  void put(String key, byte[] value);

  /** Stores {@code value} encoded as UTF-8 under {@code key}, replacing any value. */
  default void putText(String key, String value) {
    put(key, value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Stores up to 128 entries at once, all or none.
   *
   * @throws BindingLimitException if there are more than 128 entries or one exceeds 2 MB
   */
  void put(Map<String, byte[]> entries);

  /** Deletes {@code key}; returns whether it had a value. */
  boolean delete(String key);

  /**
   * Deletes up to 128 {@code keys}; returns how many had a value.
   *
   * @throws BindingLimitException if there are more than 128 keys
   */
  int delete(Collection<String> keys);

  /**
   * Returns the entries {@code options} select, sorted by {@link Utf8#BYTE_ORDER} or its reverse.
   */
  SortedMap<String, byte[]> list(StorageListOptions options);

  /**
   * Schedules the alarm for {@code at}, replacing any scheduled one; a time in the past fires at
   * once.
   */
  void setAlarm(Instant at);

  /** Returns when the alarm is scheduled, or empty if none is. */
  Optional<Instant> getAlarm();

  /** Cancels the scheduled alarm, if any. */
  void deleteAlarm();

  /** Deletes every key, every SQL table and the alarm, leaving the storage empty. */
  void deleteAll();
}
