package dev.outbound.runtime.binding.redis;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a {@link RedisKvNamespace} keeps its keys: one Redis server, or the seed nodes of a Redis
 * Cluster, and the namespace name that prefixes every key.
 *
 * <p>Server URLs are {@code redis://[user:password@]host[:port][/db]}, or {@code rediss://} for
 * TLS; the port defaults to 6379. Cluster seeds share the scheme and credentials of the first seed
 * and have no database, since a cluster has only database 0.
 *
 * @param topology whether {@code servers} is one server or cluster seeds
 * @param servers the server URL, or the cluster seed URLs
 * @param namespace the namespace name: 1 to 128 letters, digits, {@code _ - . :}
 * @param timeout how long to wait to connect, for a reply, or for a pooled connection
 */
public record RedisKvSettings(
    Topology topology, List<URI> servers, String namespace, Duration timeout) {

  /** How long a call may wait for Redis unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

  /** One Redis server, or a Redis Cluster reached through some of its nodes. */
  public enum Topology {
    STANDALONE,
    CLUSTER
  }

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if a URL, the namespace or the timeout is not valid, or a
   *     standalone topology has other than one URL
   */
  public RedisKvSettings {
    Objects.requireNonNull(topology, "topology");
    servers = List.copyOf(servers);
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(timeout, "timeout");
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("Redis KV needs a server URL");
    }
    if (topology == Topology.STANDALONE && servers.size() != 1) {
      throw new IllegalArgumentException(
          "a standalone Redis KV takes one server URL, not " + servers.size());
    }
    servers.forEach(url -> RedisUrl.check(url, topology));
    if (!NAMESPACE.matcher(namespace).matches()) {
      // Braces would change the cluster hash tag that keeps a namespace in one slot.
      throw new IllegalArgumentException(
          "Redis KV namespace \"" + namespace + "\" must be 1 to 128 letters, digits, _ - . or :");
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("Redis KV timeout must be positive, not " + timeout);
    }
  }

  /** Returns settings for {@code namespace} on the Redis server at {@code url}. */
  public static RedisKvSettings standalone(URI url, String namespace) {
    return new RedisKvSettings(Topology.STANDALONE, List.of(url), namespace, DEFAULT_TIMEOUT);
  }

  /** Returns settings for {@code namespace} on the Redis Cluster that {@code seeds} belong to. */
  public static RedisKvSettings cluster(List<URI> seeds, String namespace) {
    return new RedisKvSettings(Topology.CLUSTER, seeds, namespace, DEFAULT_TIMEOUT);
  }

  /** Returns a copy that waits at most {@code timeout} for each step of a call. */
  public RedisKvSettings withTimeout(Duration timeout) {
    return new RedisKvSettings(topology, servers, namespace, timeout);
  }

  /** Names the servers and namespace without credentials, so that messages and logs may show it. */
  @Override
  public String toString() {
    List<String> where = servers.stream().map(RedisUrl::withoutCredentials).toList();
    return "Redis " + String.join(",", where) + " (namespace " + namespace + ")";
  }
}
