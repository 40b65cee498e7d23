package dev.outbound.runtime.binding.redis;

import dev.outbound.binding.KvEntry;
import dev.outbound.binding.KvLimits;
import dev.outbound.binding.KvListOptions;
import dev.outbound.binding.KvListResult;
import dev.outbound.binding.KvNamespace;
import dev.outbound.binding.KvPutOptions;
import dev.outbound.binding.Utf8;
import dev.outbound.runtime.binding.BindingUnavailableException;
import dev.outbound.runtime.binding.kv.KvListCursor;
import dev.outbound.runtime.binding.kv.KvReadCache;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A KV namespace in Redis or Redis Cluster, shared by every proxy node configured with the same
 * servers and namespace name. See {@link RedisKvKeys} for the layout, and why one namespace lives
 * in one cluster slot.
 *
 * <p>Consistency: a write through this instance is seen by every later read through it. A read
 * through another node may miss it for at most that read's {@code cacheTtl} (60 s for {@link
 * #get(String)}), as between Workers KV locations: {@link #get(String, Duration)} answers from a
 * local cache what it read, present or absent, less than {@code cacheTtl} ago. {@link
 * #getWithMetadata}, {@link #get(Collection)} and {@link #list} always read Redis.
 *
 * <p>Expiry: expirations are whole seconds, rounded up. A key is absent from its expiration on by
 * this node's clock; Redis deletes it then through a time to live set relative to that clock, so
 * the Redis server's clock does not matter. Nodes whose clocks disagree disagree by as much about
 * when a key expires.
 *
 * <p>Outages: each wait of a call, for a pooled connection, to connect or for a reply, lasts at
 * most the settings' timeout (2 s by default); a cluster call stops trying other nodes once that
 * long has passed, and a cluster namespace's first call reads the slot map from each seed in turn.
 * Then the call throws {@link BindingUnavailableException}, which names the servers. A put or
 * delete that threw may or may not have been applied, and is never acknowledged. Calls work again,
 * with no restart, once Redis answers; meanwhile {@link #get(String, Duration)} still answers from
 * its cache what it read within {@code cacheTtl}. Raise the timeout if Redis may take longer than
 * that to store a value of many MiB.
 *
 * <p>Differences from the embedded backend, which the contract tests allow:
 *
 * <ul>
 *   <li>Redis must keep every key: run it with {@code maxmemory-policy noeviction}, since an
 *       evicted value or index loses keys before their expiration.
 *   <li>Durability is Redis's: an acknowledged put survives a crash only with {@code appendonly
 *       yes} and {@code appendfsync always}, and a failover to a replica may lose the last writes,
 *       since Redis replicates asynchronously.
 *   <li>A list page may hold fewer keys than its limit, even none, with a cursor to go on, when
 *       many of the keys it passes have expired: one call examines at most 2000.
 *   <li>A namespace lives on one Redis Cluster shard (see {@link RedisKvKeys}).
 * </ul>
 *
 * <p>Values returned by {@link #get(String)} may be shared with the cache: do not modify them.
 */
public final class RedisKvNamespace implements KvNamespace, AutoCloseable {

  /** The {@code cacheTtl} of {@link #get(String)}, Workers KV's default. */
  private static final Duration DEFAULT_CACHE_TTL = KvLimits.MIN_CACHE_TTL;

  private final RedisKvSettings settings;
  private final Clock clock;
  private final RedisKvClient client;
  private final RedisKvStore store;
  private final KvReadCache cache = new KvReadCache();
  private volatile boolean closed;

  private RedisKvNamespace(RedisKvSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.client = new RedisKvClient(settings);
    this.store = new RedisKvStore(client, new RedisKvKeys(settings.namespace()));
  }

  /** Opens the namespace that {@code settings} name; connects on first use. */
  public static RedisKvNamespace open(RedisKvSettings settings) {
    return open(settings, Clock.systemUTC());
  }

  /**
   * Opens the namespace that {@code settings} name, reading the time for expirations and the cache
   * from {@code clock}; connects on first use, so that a node may start while Redis is down.
   */
  public static RedisKvNamespace open(RedisKvSettings settings, Clock clock) {
    return new RedisKvNamespace(settings, clock);
  }

  @Override
  public Optional<byte[]> get(String key) {
    return get(key, DEFAULT_CACHE_TTL);
  }

  @Override
  public Optional<byte[]> get(String key, Duration cacheTtl) {
    KvLimits.checkKey(key);
    KvLimits.checkCacheTtl(cacheTtl);
    checkOpen();
    long nowMillis = clock.millis();
    Optional<byte[]> cached = cache.lookup(key, cacheTtl.toMillis(), nowMillis);
    if (cached != null) {
      return cached;
    }
    return cache.load(
        key,
        nowMillis,
        () -> {
          Optional<RedisKvStore.Entry> entry = store.read(key, nowMillis);
          return new KvReadCache.Stored(
              entry.map(RedisKvStore.Entry::value), entry.flatMap(RedisKvStore.Entry::expiration));
        });
  }

  @Override
  public Optional<KvEntry> getWithMetadata(String key) {
    KvLimits.checkKey(key);
    checkOpen();
    return store
        .read(key, clock.millis())
        .map(entry -> new KvEntry(entry.value(), entry.metadataJson()));
  }

  @Override
  public Map<String, byte[]> get(Collection<String> keys) {
    KvLimits.checkGetMany(keys);
    checkOpen();
    if (keys.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(store.readValues(keys, clock.millis()));
  }

  @Override
  public void put(String key, byte[] value, KvPutOptions options) {
    KvLimits.checkKey(key);
    KvLimits.checkValue(value);
    checkOpen();
    Instant now = clock.instant();
    OptionalLong expirationSecond =
        options.resolveExpiration(now).stream().mapToLong(Instant::getEpochSecond).findAny();
    try {
      store.put(key, value, options.metadataJson(), expirationSecond, now.toEpochMilli());
    } finally {
      // Even after a failure: Redis may have applied the write before the reply was lost.
      cache.invalidate(key);
    }
  }

  @Override
  public void delete(String key) {
    KvLimits.checkKey(key);
    checkOpen();
    try {
      store.delete(key);
    } finally {
      cache.invalidate(key);
    }
  }

  @Override
  public KvListResult list(KvListOptions options) {
    options.prefix().ifPresent(prefix -> Utf8.length(prefix, "KV list prefix"));
    Optional<byte[]> after = options.cursor().map(KvListCursor::lastKey);
    checkOpen();
    byte[] prefix = options.prefix().orElse("").getBytes(StandardCharsets.UTF_8);
    RedisKvStore.Page page = store.list(prefix, after, options.limit(), clock.millis());
    return new KvListResult(
        page.keys(), page.continueAfter().isEmpty(), page.continueAfter().map(KvListCursor::after));
  }

  /** Closes every connection to Redis, after the calls running now; later calls fail. */
  @Override
  public void close() {
    closed = true;
    client.close();
  }

  @Override
  public String toString() {
    return "RedisKvNamespace[" + settings + "]";
  }

  /** Fails fast even when the cache could answer, so that a closed namespace never serves. */
  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("KV namespace on " + settings + " is closed");
    }
  }
}
