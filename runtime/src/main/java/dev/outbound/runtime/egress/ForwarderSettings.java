package dev.outbound.runtime.egress;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@link HttpForwarder} talks to origins.
 *
 * @param connectTimeout how long a TCP connect may take
 * @param readTimeout how long the origin may stay silent, for the TLS handshake, the response head
 *     and every read of the body
 * @param maxResponseHeadBytes the most bytes a status line and headers (or chunked trailers) may
 *     take
 * @param maxIdleConnectionsPerRoute the most idle keep-alive connections kept per address, scheme
 *     and host
 * @param maxIdleConnections the most idle keep-alive connections kept in all
 * @param idleTimeout how long an idle connection is kept
 * @param trustedCertificates certificates trusted for {@code https} besides the JVM's default trust
 *     store, e.g. an internal CA
 */
public record ForwarderSettings(
    Duration connectTimeout,
    Duration readTimeout,
    int maxResponseHeadBytes,
    int maxIdleConnectionsPerRoute,
    int maxIdleConnections,
    Duration idleTimeout,
    List<X509Certificate> trustedCertificates) {

  public ForwarderSettings {
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(readTimeout, "readTimeout");
    requirePositive(idleTimeout, "idleTimeout");
    if (maxResponseHeadBytes < 1024) {
      throw new IllegalArgumentException("maxResponseHeadBytes must be at least 1024");
    }
    if (maxIdleConnectionsPerRoute < 0 || maxIdleConnections < 0) {
      throw new IllegalArgumentException("idle connection limits must not be negative");
    }
    trustedCertificates = List.copyOf(trustedCertificates);
  }

  /**
   * 10 s to connect, 30 s of silence, 64 KiB of response head, 256 idle connections per route and
   * 1,024 in all, kept 30 s, and only the JVM's trust store. One busy origin may keep as many idle
   * connections as requests to it run at once, so a burst of them does not reconnect.
   */
  public static ForwarderSettings defaults() {
    return new ForwarderSettings(
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        64 * 1024,
        256,
        1024,
        Duration.ofSeconds(30),
        List.of());
  }

  public ForwarderSettings withReadTimeout(Duration timeout) {
    return new ForwarderSettings(
        connectTimeout,
        timeout,
        maxResponseHeadBytes,
        maxIdleConnectionsPerRoute,
        maxIdleConnections,
        idleTimeout,
        trustedCertificates);
  }

  public ForwarderSettings withMaxResponseHeadBytes(int bytes) {
    return new ForwarderSettings(
        connectTimeout,
        readTimeout,
        bytes,
        maxIdleConnectionsPerRoute,
        maxIdleConnections,
        idleTimeout,
        trustedCertificates);
  }

  public ForwarderSettings withIdleConnections(int perRoute, int total, Duration timeout) {
    return new ForwarderSettings(
        connectTimeout,
        readTimeout,
        maxResponseHeadBytes,
        perRoute,
        total,
        timeout,
        trustedCertificates);
  }

  public ForwarderSettings withTrustedCertificates(List<X509Certificate> certificates) {
    return new ForwarderSettings(
        connectTimeout,
        readTimeout,
        maxResponseHeadBytes,
        maxIdleConnectionsPerRoute,
        maxIdleConnections,
        idleTimeout,
        certificates);
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
