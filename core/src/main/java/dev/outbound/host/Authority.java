package dev.outbound.host;

/**
 * A normalised request destination: canonical host and port. Only {@link HostNormalizer} makes
 * them, so two authorities that name the same destination are always equal.
 *
 * <p>Host forms: a lower-case ASCII name ({@code xn--bcher-kva.example}), a dotted-quad IPv4
 * address ({@code 127.0.0.1}), or an RFC 5952 IPv6 address in brackets ({@code [2001:db8::1]}).
 * Equality and hash code use host and port.
 */
public final class Authority {

  private final String host;
  private final byte[] address;
  private final int port;

  Authority(CanonicalHost host, int port) {
    this.host = host.text();
    this.address = host.address();
    this.port = port;
  }

  /** The canonical host, without port. */
  public String host() {
    return host;
  }

  /** The port, 1..65535. */
  public int port() {
    return port;
  }

  /** Whether the host is an IPv4 or IPv6 address rather than a name. */
  public boolean isIpLiteral() {
    return address != null;
  }

  /** A copy of the 4 or 16 address bytes for IP literals; null for names. */
  public byte[] address() {
    return address == null ? null : address.clone();
  }

  /** The address bytes without a copy, for matching; callers must not change them. */
  byte[] addressBytes() {
    return address;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Authority that && port == that.port && host.equals(that.host);
  }

  @Override
  public int hashCode() {
    return host.hashCode() * 31 + port;
  }

  /** {@code host:port}, e.g. {@code my.kv:80} or {@code [2001:db8::1]:443}. */
  @Override
  public String toString() {
    return host + ":" + port;
  }
}
