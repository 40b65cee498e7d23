package dev.outbound.runtime.binding.redis;

import dev.outbound.runtime.binding.redis.RedisKvSettings.Topology;
import java.net.URI;
import java.util.Optional;
import redis.clients.jedis.HostAndPort;

/** Reads {@code redis://[user:password@]host[:port][/db]} and {@code rediss://} URLs. */
final class RedisUrl {

  private static final int DEFAULT_PORT = 6379;

  private RedisUrl() {}

  /**
   * Throws {@link IllegalArgumentException} unless {@code url} is a Redis URL for {@code topology}.
   */
  static void check(URI url, Topology topology) {
    if (!"redis".equals(url.getScheme()) && !"rediss".equals(url.getScheme())) {
      throw new IllegalArgumentException(
          "Redis URL " + withoutCredentials(url) + " must start with redis:// or rediss://");
    }
    if (url.getHost() == null) {
      throw new IllegalArgumentException("Redis URL " + withoutCredentials(url) + " has no host");
    }
    if (url.getQuery() != null || url.getFragment() != null) {
      throw new IllegalArgumentException(
          "Redis URL " + withoutCredentials(url) + " must not have a query or fragment");
    }
    int database = database(url);
    if (topology == Topology.CLUSTER && database != 0) {
      throw new IllegalArgumentException(
          "Redis Cluster URL " + withoutCredentials(url) + " must not name a database");
    }
  }

  static HostAndPort hostAndPort(URI url) {
    return new HostAndPort(url.getHost(), url.getPort() == -1 ? DEFAULT_PORT : url.getPort());
  }

  static boolean tls(URI url) {
    return "rediss".equals(url.getScheme());
  }

  /** Returns the user, if the URL names one before a colon. */
  static Optional<String> user(URI url) {
    return userInfo(url, 0).filter(user -> !user.isEmpty());
  }

  /** Returns the password: {@code redis://:password@host} or {@code redis://user:password@host}. */
  static Optional<String> password(URI url) {
    return userInfo(url, 1);
  }

  /** Returns the database number of the path, 0 without one. */
  static int database(URI url) {
    String path = url.getPath() == null ? "" : url.getPath();
    if (path.isEmpty() || path.equals("/")) {
      return 0;
    }
    try {
      int database = Integer.parseInt(path.substring(1));
      if (database >= 0) {
        return database;
      }
    } catch (NumberFormatException e) {
      // Reported below, with the URL.
    }
    throw new IllegalArgumentException(
        "Redis URL " + withoutCredentials(url) + " has a path that is not a database number");
  }

  /** Returns the URL with any user and password left out, fit for messages. */
  static String withoutCredentials(URI url) {
    String host = url.getHost() == null ? "?" : url.getHost();
    String port = url.getPort() == -1 ? "" : ":" + url.getPort();
    String path = url.getPath() == null ? "" : url.getPath();
    return url.getScheme() + "://" + host + port + path;
  }

  private static Optional<String> userInfo(URI url, int part) {
    if (url.getUserInfo() == null) {
      return Optional.empty();
    }
    String[] userAndPassword = url.getUserInfo().split(":", 2);
    // A lone word is a password, as redis-cli reads redis://password@host.
    if (userAndPassword.length == 1) {
      return part == 1 ? Optional.of(userAndPassword[0]) : Optional.empty();
    }
    return Optional.of(userAndPassword[part]);
  }
}
