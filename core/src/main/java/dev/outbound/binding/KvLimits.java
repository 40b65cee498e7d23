package dev.outbound.binding;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/** Workers KV limits, checked in one place by the option records and by every KV implementation. */
public final class KvLimits {

  /** Longest key, in UTF-8 bytes. */
  public static final int MAX_KEY_BYTES = 512;

  /** Largest value, 25 MiB. */
  public static final int MAX_VALUE_BYTES = 25 * 1024 * 1024;

  /** Largest metadata, in UTF-8 bytes of JSON. */
  public static final int MAX_METADATA_BYTES = 1024;

  /** Shortest time to live, and the shortest time ahead an absolute expiration may be. */
  public static final Duration MIN_EXPIRATION_TTL = Duration.ofSeconds(60);

  /** Shortest read cache time to live. */
  public static final Duration MIN_CACHE_TTL = Duration.ofSeconds(60);

  /** Most keys one list call returns, and its default. */
  public static final int MAX_LIST_LIMIT = 1000;

  /** Most keys one multi-key get reads. */
  public static final int MAX_GET_MANY_KEYS = 100;

  private KvLimits() {}

  /**
   * Checks that {@code key} is 1..512 UTF-8 bytes and not "." or ".."; throws {@link
   * BindingLimitException} otherwise.
   */
  public static void checkKey(String key) {
    long bytes = Utf8.length(key, "KV key");
    if (bytes == 0 || bytes > MAX_KEY_BYTES) {
      throw new BindingLimitException(
          "KV key is " + bytes + " bytes; it must be 1 to " + MAX_KEY_BYTES);
    }
    if (key.equals(".") || key.equals("..")) {
      throw new BindingLimitException("KV key must not be \".\" or \"..\"");
    }
  }

  /**
   * Checks that {@code value} is at most 25 MiB; throws {@link BindingLimitException} otherwise.
   */
  public static void checkValue(byte[] value) {
    if (value.length > MAX_VALUE_BYTES) {
      throw new BindingLimitException(
          "KV value is " + value.length + " bytes; the limit is " + MAX_VALUE_BYTES);
    }
  }

  /**
   * Checks that {@code metadataJson} is at most 1024 UTF-8 bytes; throws {@link
   * BindingLimitException} otherwise.
   */
  public static void checkMetadata(String metadataJson) {
    long bytes = Utf8.length(metadataJson, "KV metadata");
    if (bytes > MAX_METADATA_BYTES) {
      throw new BindingLimitException(
          "KV metadata is " + bytes + " bytes of JSON; the limit is " + MAX_METADATA_BYTES);
    }
  }

  /**
   * Checks that {@code ttl} is at least 60 seconds; throws {@link BindingLimitException} otherwise.
   */
  public static void checkExpirationTtl(Duration ttl) {
    if (ttl.compareTo(MIN_EXPIRATION_TTL) < 0) {
      throw new BindingLimitException(
          "KV expirationTtl is "
              + ttl.toSeconds()
              + " s; the minimum is "
              + MIN_EXPIRATION_TTL.toSeconds()
              + " s");
    }
  }

  /**
   * Checks that {@code expiration} is at least 60 seconds after {@code now}; throws {@link
   * BindingLimitException} otherwise.
   */
  public static void checkExpiration(Instant expiration, Instant now) {
    Duration ahead = Duration.between(now, expiration);
    if (ahead.compareTo(MIN_EXPIRATION_TTL) < 0) {
      throw new BindingLimitException(
          "KV expiration is "
              + ahead.toSeconds()
              + " s from now; the minimum is "
              + MIN_EXPIRATION_TTL.toSeconds()
              + " s");
    }
  }

  /**
   * Checks that {@code cacheTtl} is at least 60 seconds; throws {@link BindingLimitException}
   * otherwise.
   */
  public static void checkCacheTtl(Duration cacheTtl) {
    if (cacheTtl.compareTo(MIN_CACHE_TTL) < 0) {
      throw new BindingLimitException(
          "KV cacheTtl is "
              + cacheTtl.toSeconds()
              + " s; the minimum is "
              + MIN_CACHE_TTL.toSeconds()
              + " s");
    }
  }

  /**
   * Checks that a list {@code limit} is 1..1000; throws {@link BindingLimitException} otherwise.
   */
  public static void checkListLimit(int limit) {
    if (limit < 1 || limit > MAX_LIST_LIMIT) {
      throw new BindingLimitException(
          "KV list limit is " + limit + "; it must be 1 to " + MAX_LIST_LIMIT);
    }
  }

  /**
   * Checks a multi-key get: at most 100 keys, each a valid key; throws {@link
   * BindingLimitException} otherwise.
   */
  public static void checkGetMany(Collection<String> keys) {
    if (keys.size() > MAX_GET_MANY_KEYS) {
      throw new BindingLimitException(
          "KV get of " + keys.size() + " keys; the limit is " + MAX_GET_MANY_KEYS);
    }
    keys.forEach(KvLimits::checkKey);
  }
}
