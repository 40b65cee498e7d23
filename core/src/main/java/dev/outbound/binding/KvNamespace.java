package dev.outbound.binding;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * A Workers KV namespace: an eventually consistent key-value store. Keys are 1..512 UTF-8 bytes,
 * values at most 25 MiB (see {@link KvLimits}); expired keys are never returned.
 */
public interface KvNamespace {

  /** Returns the value stored under {@code key}, or empty if there is none. */
  Optional<byte[]> get(String key);

  /**
   * Returns the value under {@code key}, possibly from a cache up to {@code cacheTtl} old.
   *
   * @throws BindingLimitException if {@code cacheTtl} is under 60 s
   */
  Optional<byte[]> get(String key, Duration cacheTtl);

  /** Returns the value under {@code key} decoded as UTF-8, or empty if there is none. */
  default Optional<String> getText(String key) {
    return get(key).map(value -> new String(value, StandardCharsets.UTF_8));
  }

  /** Returns the value under {@code key} with its metadata, or empty if there is none. */
  Optional<KvEntry> getWithMetadata(String key);

  /**
   * Returns the values of up to 100 {@code keys}; keys without a value are absent from the map.
   *
   * @throws BindingLimitException if there are more than 100 keys
   */
  Map<String, byte[]> get(Collection<String> keys);

  /** Stores {@code value} under {@code key} with no expiration or metadata, replacing any value. */
  default void put(String key, byte[] value) {
    put(key, value, KvPutOptions.none());
  }

  /**
   * Stores {@code value} under {@code key} with {@code options}, replacing any value and metadata.
   *
   * @throws BindingLimitException if the key or value is too large, or the expiration less than 60
   *     s ahead
   */
  void put(String key, byte[] value, KvPutOptions options);

  /** Stores {@code value} encoded as UTF-8 under {@code key}, replacing any value. */
  default void put(String key, String value) {
    put(key, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Deletes {@code key}; deleting a missing key does nothing. */
  void delete(String key);

  /** Lists keys in UTF-8 byte order, one page at a time as {@code options} say. */
  KvListResult list(KvListOptions options);

  /** Lists the first page of up to 1000 keys. */
  default KvListResult list() {
    return list(KvListOptions.defaults());
  }
}
