package dev.outbound.runtime.binding.kv;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;

/**
 * Values of one KV namespace as read from its store, each with the time it was read, so that every
 * lookup can apply its own {@code cacheTtl}. Absent keys are cached too, as in Workers KV. Bounded
 * by the bytes of the values it holds.
 *
 * <p>Writes through the same namespace invalidate their key. A read that raced with a write must
 * not put back what it read before the write: each read notes the version of its key's stripe
 * before going to the store, and its result is stored only if no write to that stripe finished
 * since.
 */
public final class KvReadCache {

  /** What one namespace may hold in memory, counted in value bytes. */
  private static final long MAX_WEIGHT_BYTES = 64L * 1024 * 1024;

  /** A rough size of the key, the entry and Caffeine's node, so empty values still weigh. */
  private static final int ENTRY_OVERHEAD_BYTES = 128;

  /** Version stripes; a power of two. More stripes, fewer reads not cached because of a write. */
  private static final int STRIPES = 256;

  /**
   * A value, or its absence, read at {@code readAtMillis} and never to be served from {@code
   * expiresAtMillis} on, when the KV expiration removes it. Holding the {@code Optional} makes a
   * hit allocate nothing.
   */
  private record Read(Optional<byte[]> value, long readAtMillis, long expiresAtMillis) {}

  private final Cache<String, Read> reads =
      Caffeine.newBuilder().maximumWeight(MAX_WEIGHT_BYTES).weigher(KvReadCache::weigh).build();
  private final AtomicLongArray versions = new AtomicLongArray(STRIPES);

  /**
   * Returns the cached value of {@code key} if it was read less than {@code cacheTtlMillis} before
   * {@code nowMillis} and has not expired, or null when the cache cannot answer.
   */
  public Optional<byte[]> lookup(String key, long cacheTtlMillis, long nowMillis) {
    Read read = reads.getIfPresent(key);
    if (read == null
        || nowMillis - read.readAtMillis() >= cacheTtlMillis
        || nowMillis >= read.expiresAtMillis()) {
      return null;
    }
    return read.value();
  }

  /** A key as the backend holds it: absent, or its value and, when it expires, the time. */
  public record Stored(Optional<byte[]> value, Optional<Instant> expiration) {}

  /**
   * Reads {@code key} from the backend after {@link #lookup} could not answer, and caches what it
   * read unless a write to the key finished during the read (which could otherwise put an old value
   * back).
   */
  public Optional<byte[]> load(String key, long nowMillis, Supplier<Stored> backend) {
    int stripe = stripe(key);
    long version = versions.get(stripe);
    Stored stored = backend.get();
    Read read =
        new Read(
            stored.value(),
            nowMillis,
            stored.expiration().map(Instant::toEpochMilli).orElse(Long.MAX_VALUE));
    // compute makes the check and the insert atomic with respect to invalidate's removal.
    reads.asMap().compute(key, (k, cached) -> versions.get(stripe) == version ? read : cached);
    return read.value();
  }

  /** Drops {@code key}; call it after every write to the key has finished, failed or not. */
  public void invalidate(String key) {
    versions.incrementAndGet(stripe(key));
    reads.invalidate(key);
  }

  private static int stripe(String key) {
    int hash = key.hashCode();
    return (hash ^ (hash >>> 16)) & (STRIPES - 1);
  }

  private static int weigh(String key, Read read) {
    int valueBytes = read.value().map(value -> value.length).orElse(0);
    return ENTRY_OVERHEAD_BYTES + 2 * key.length() + valueBytes;
  }
}
