package dev.outbound.binding;

import java.util.Collection;

/**
 * Limits of a durable object's key-value storage (SQLite backend), checked by every implementation.
 */
public final class StorageLimits {

  /** Largest key and value together, in bytes (2 MB). */
  public static final int MAX_KEY_AND_VALUE_BYTES = 2_000_000;

  /** Most keys one multi-key get, put or delete takes. */
  public static final int MAX_BATCH_KEYS = 128;

  private StorageLimits() {}

  /**
   * Checks that {@code key} in UTF-8 and {@code value} together are at most 2 MB; throws {@link
   * BindingLimitException} otherwise.
   */
  public static void checkEntry(String key, byte[] value) {
    long bytes = Utf8.length(key, "storage key") + value.length;
    if (bytes > MAX_KEY_AND_VALUE_BYTES) {
      throw new BindingLimitException(
          "storage key and value are " + bytes + " bytes; the limit is " + MAX_KEY_AND_VALUE_BYTES);
    }
  }

  /**
   * Checks that a multi-key call takes at most 128 {@code keys}; throws {@link
   * BindingLimitException} otherwise.
   */
  public static void checkBatch(Collection<String> keys) {
    if (keys.size() > MAX_BATCH_KEYS) {
      throw new BindingLimitException(
          "storage call with " + keys.size() + " keys; the limit is " + MAX_BATCH_KEYS);
    }
  }
}
