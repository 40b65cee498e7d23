package dev.outbound.runtime.binding.redis;

import dev.outbound.runtime.binding.BindingUnavailableException;
import dev.outbound.runtime.binding.redis.RedisKvSettings.Topology;
import java.net.URI;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The Jedis client of one namespace, made on first use and made again after it could not be, so
 * that a namespace opened while Redis is down starts working when Redis comes up. Every Jedis
 * failure leaves as a {@link BindingUnavailableException} that names the servers.
 *
 * <p>Virtual threads: Jedis does its socket I/O outside {@code synchronized}, and its pool
 * (commons-pool2) waits for a free connection on a {@code ReentrantLock}, so neither pins a carrier
 * thread. The one pinning wait left, on JDK 21 to 23, is commons-pool2's {@code Object.wait} while
 * the pool is full and other connections are being opened, bounded by the timeout.
 */
final class RedisKvClient implements AutoCloseable {

  /** Connections per server; virtual threads beyond these wait for one, at most the timeout. */
  private static final int MAX_CONNECTIONS_PER_SERVER = 64;

  /**
   * Cluster attempts per call, so that a call can follow one MOVED or ASK redirection and retry.
   */
  private static final int CLUSTER_ATTEMPTS = 3;

  private final RedisKvSettings settings;
  private final ReentrantLock connecting = new ReentrantLock();
  private volatile UnifiedJedis jedis;
  private volatile boolean closed;

  RedisKvClient(RedisKvSettings settings) {
    this.settings = settings;
  }

  /**
   * Runs {@code command} on the client.
   *
   * @throws BindingUnavailableException if Redis cannot be reached, does not answer within the
   *     timeout, or refuses the command
   */
  <T> T call(Function<UnifiedJedis, T> command) {
    try {
      return command.apply(client());
    } catch (JedisConnectionException e) {
      // Idle connections opened before an outage would each fail one more call after it.
      dropIdleConnections();
      throw unavailable(e);
    } catch (JedisException e) {
      throw unavailable(e);
    }
  }

  /** Closes every connection; later calls fail with {@link IllegalStateException}. */
  @Override
  public void close() {
    connecting.lock();
    try {
      closed = true;
      if (jedis != null) {
        jedis.close();
      }
    } finally {
      connecting.unlock();
    }
  }

  private UnifiedJedis client() {
    UnifiedJedis current = jedis;
    if (current != null && !closed) {
      return current;
    }
    connecting.lock();
    try {
      if (closed) {
        throw new IllegalStateException("KV namespace on " + settings + " is closed");
      }
      if (jedis == null) {
        jedis = connect();
      }
      return jedis;
    } finally {
      connecting.unlock();
    }
  }

  private UnifiedJedis connect() {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(MAX_CONNECTIONS_PER_SERVER);
    pool.setMaxIdle(MAX_CONNECTIONS_PER_SERVER);
    pool.setMaxWait(settings.timeout());
    if (settings.topology() == Topology.STANDALONE) {
      URI url = settings.servers().getFirst();
      return RedisClient.builder()
          .hostAndPort(RedisUrl.hostAndPort(url))
          .clientConfig(clientConfig(url, RedisUrl.database(url)))
          .poolConfig(pool)
          .build();
    }
    // Reads the slot map from the seeds now: fails, to be tried again, while none answers.
    return RedisClusterClient.builder()
        .nodes(settings.servers().stream().map(RedisUrl::hostAndPort).collect(Collectors.toSet()))
        .clientConfig(clientConfig(settings.servers().getFirst(), 0))
        .poolConfig(pool)
        .maxAttempts(CLUSTER_ATTEMPTS)
        .maxTotalRetriesDuration(settings.timeout())
        .build();
  }

  private JedisClientConfig clientConfig(URI url, int database) {
    int timeoutMillis = (int) settings.timeout().toMillis();
    return DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(timeoutMillis)
        .socketTimeoutMillis(timeoutMillis)
        .user(RedisUrl.user(url).orElse(null))
        .password(RedisUrl.password(url).orElse(null))
        .database(database)
        .ssl(RedisUrl.tls(url))
        .clientName("outbound-kv")
        .build();
  }

  private void dropIdleConnections() {
    switch (jedis) {
      case RedisClient standalone -> standalone.getPool().clear();
      case RedisClusterClient cluster ->
          cluster.getClusterNodes().values().forEach(ConnectionPool::clear);
      case null, default -> {}
    }
  }

  private BindingUnavailableException unavailable(JedisException cause) {
    return new BindingUnavailableException(
        "KV backend " + settings + " is unavailable: " + cause.getMessage(), cause);
  }
}
