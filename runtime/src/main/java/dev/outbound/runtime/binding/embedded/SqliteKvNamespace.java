package dev.outbound.runtime.binding.embedded;

import dev.outbound.binding.KvEntry;
import dev.outbound.binding.KvKey;
import dev.outbound.binding.KvLimits;
import dev.outbound.binding.KvListOptions;
import dev.outbound.binding.KvListResult;
import dev.outbound.binding.KvNamespace;
import dev.outbound.binding.KvPutOptions;
import dev.outbound.binding.Utf8;
import dev.outbound.runtime.binding.kv.KvListCursor;
import dev.outbound.runtime.binding.kv.KvReadCache;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded KV namespace: one SQLite file in WAL mode, written with {@code synchronous=FULL} so
 * that a put that returned survives a crash or power loss, and read through a {@link KvReadCache}.
 *
 * <p>Consistency: a write through this instance is seen by every later read through it. Another
 * instance or process on the same file sees it within the {@code cacheTtl} of its reads (60 s for
 * {@link #get(String)}), as reads on another Workers KV location do. {@link #getWithMetadata},
 * {@link #get(Collection)} and {@link #list} always read the file.
 *
 * <p>Arrays returned by {@link #get(String)} and {@link #get(String, Duration)} may be shared with
 * the cache, so that a hit costs no copy: do not modify them.
 */
public final class SqliteKvNamespace implements KvNamespace, AutoCloseable {

  /** The {@code cacheTtl} of {@link #get(String)}, Workers KV's default. */
  private static final Duration DEFAULT_CACHE_TTL = KvLimits.MIN_CACHE_TTL;

  /**
   * Expired rows each put deletes, so that keys nobody reads again do not stay on disk forever,
   * while no single write pays for a large backlog.
   */
  private static final int EXPIRED_ROWS_DELETED_PER_WRITE = 100;

  private final Path file;
  private final Clock clock;
  private final SqliteConnections connections;
  private final KvReadCache cache = new KvReadCache();
  private volatile boolean closed;

  private SqliteKvNamespace(Path file, Clock clock, SqliteConnections connections) {
    this.file = file;
    this.clock = clock;
    this.connections = connections;
  }

  /**
   * Opens the namespace stored in {@code file}, creating the file and its directory if missing.
   *
   * @throws java.io.UncheckedIOException if the file cannot be opened
   */
  public static SqliteKvNamespace open(Path file) {
    return open(file, Clock.systemUTC());
  }

  /**
   * Opens the namespace stored in {@code file}, reading the time for expirations and the cache from
   * {@code clock}, and deletes the keys that have expired.
   *
   * @throws java.io.UncheckedIOException if the file cannot be opened
   */
  public static SqliteKvNamespace open(Path file, Clock clock) {
    SqliteConnections connections =
        SqliteConnections.open(
            file,
            writer -> {
              SqliteKvTable.create(writer);
              SqliteKvTable.deleteExpired(writer, clock.instant().getEpochSecond(), Long.MAX_VALUE);
              return null;
            });
    return new SqliteKvNamespace(file, clock, connections);
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
          Optional<SqliteKvTable.Row> row =
              connections.read(reader -> SqliteKvTable.read(reader, key, epochSecond(nowMillis)));
          return new KvReadCache.Stored(
              row.map(SqliteKvTable.Row::value), row.flatMap(SqliteKvTable.Row::expiration));
        });
  }

  @Override
  public Optional<KvEntry> getWithMetadata(String key) {
    KvLimits.checkKey(key);
    checkOpen();
    long nowSecond = clock.instant().getEpochSecond();
    return connections
        .read(reader -> SqliteKvTable.read(reader, key, nowSecond))
        .map(row -> new KvEntry(row.value(), row.metadataJson()));
  }

  @Override
  public Map<String, byte[]> get(Collection<String> keys) {
    KvLimits.checkGetMany(keys);
    checkOpen();
    if (keys.isEmpty()) {
      return Map.of();
    }
    long nowSecond = clock.instant().getEpochSecond();
    return Collections.unmodifiableMap(
        connections.read(reader -> SqliteKvTable.readMany(reader, keys, nowSecond)));
  }

  @Override
  public void put(String key, byte[] value, KvPutOptions options) {
    KvLimits.checkKey(key);
    KvLimits.checkValue(value);
    checkOpen();
    Instant now = clock.instant();
    Optional<Instant> expiration = options.resolveExpiration(now);
    try {
      connections.write(
          writer -> {
            SqliteKvTable.write(writer, key, value, expiration, options.metadataJson());
            SqliteKvTable.deleteExpired(
                writer, now.getEpochSecond(), EXPIRED_ROWS_DELETED_PER_WRITE);
            return null;
          });
    } finally {
      // Even after a failure: the commit may have reached the file before the error was reported.
      cache.invalidate(key);
    }
  }

  @Override
  public void delete(String key) {
    KvLimits.checkKey(key);
    checkOpen();
    try {
      connections.write(
          writer -> {
            SqliteKvTable.delete(writer, key);
            return null;
          });
    } finally {
      cache.invalidate(key);
    }
  }

  @Override
  public KvListResult list(KvListOptions options) {
    options.prefix().ifPresent(prefix -> Utf8.length(prefix, "KV list prefix"));
    Optional<byte[]> after = options.cursor().map(KvListCursor::lastKey);
    checkOpen();
    long nowSecond = clock.instant().getEpochSecond();
    int limit = options.limit();
    // One key more than the page tells whether another page follows.
    List<KvKey> keys =
        connections.read(
            reader -> SqliteKvTable.list(reader, options.prefix(), after, nowSecond, limit + 1));
    if (keys.size() <= limit) {
      return new KvListResult(keys, true, Optional.empty());
    }
    List<KvKey> page = keys.subList(0, limit);
    byte[] lastKey = page.get(limit - 1).name().getBytes(StandardCharsets.UTF_8);
    return new KvListResult(page, false, Optional.of(KvListCursor.after(lastKey)));
  }

  /** Closes every connection to the file, after the operations running now; later ones fail. */
  @Override
  public void close() {
    closed = true;
    connections.close();
  }

  @Override
  public String toString() {
    return "SqliteKvNamespace[" + file + "]";
  }

  /** Fails fast even when the cache could answer, so that a closed namespace never serves. */
  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("KV namespace " + file + " is closed");
    }
  }

  private static long epochSecond(long epochMillis) {
    return Math.floorDiv(epochMillis, 1000);
  }
}
