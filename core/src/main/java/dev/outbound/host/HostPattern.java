package dev.outbound.host;

/**
 * One parsed host pattern, optionally with {@code :port} (without one it matches every port).
 *
 * <ul>
 *   <li>{@link Kind#NAME}: an exact name, normalised like a request host ({@code MY.KV.} is {@code
 *       my.kv}).
 *   <li>{@link Kind#IP}: an IP literal; IPv6 in brackets ({@code [2001:db8::1]:443}), as without
 *       them the last group could be read as a port.
 *   <li>{@link Kind#CIDR}: {@code 10.0.0.0/8}, {@code [2001:db8::]/32} or {@code 2001:db8::/32};
 *       host bits must be zero. A CIDR inside {@code ::ffff:0:0/96} becomes the IPv4 CIDR, since
 *       request hosts in that range are IPv4. IPv4 ranges never match IPv6 addresses and back.
 *   <li>{@link Kind#GLOB}: {@code *} is any run of characters, dots included, possibly empty, so
 *       {@code *.example.com} matches {@code a.b.example.com} but not {@code example.com}. {@code
 *       **} is {@code *}. A glob never matches an IP literal ({@code *} alone matches every name
 *       and no address); globs that could only match addresses, like {@code 10.*}, are rejected
 *       with a pointer to CIDR.
 * </ul>
 *
 * <p>Equality, hash code and {@link #toString()} use the canonical {@link #text()}; ordering is
 * most specific first, as described on {@link HostMatcher}.
 */
public final class HostPattern implements Comparable<HostPattern> {

  /** The four kinds of pattern. */
  public enum Kind {
    NAME,
    IP,
    CIDR,
    GLOB
  }

  private final Kind kind;
  private final String host;
  private final int port;
  private final String text;
  private final byte[] network;
  private final int prefix;

  private HostPattern(Kind kind, String host, int port, byte[] network, int prefix) {
    this.kind = kind;
    this.host = host;
    this.port = port;
    this.text = port < 0 ? host : host + ":" + port;
    this.network = network;
    this.prefix = prefix;
  }

  static HostPattern exact(CanonicalHost host, int port) {
    Kind kind = host.address() == null ? Kind.NAME : Kind.IP;
    return new HostPattern(kind, host.text(), port, null, -1);
  }

  static HostPattern cidr(byte[] network, int prefix, int port) {
    return new HostPattern(
        Kind.CIDR, IpLiterals.format(network) + "/" + prefix, port, network, prefix);
  }

  static HostPattern glob(String glob, int port) {
    return new HostPattern(Kind.GLOB, glob, port, null, -1);
  }

  /**
   * Parses and normalises a pattern.
   *
   * @throws InvalidHostPatternException with the pattern, the problem and what to write instead
   */
  public static HostPattern parse(String text) throws InvalidHostPatternException {
    return HostPatternParser.parse(text);
  }

  public Kind kind() {
    return kind;
  }

  /** The port the pattern requires, or -1 for any port. */
  public int port() {
    return port;
  }

  /** The canonical text, e.g. {@code *.example.com}, {@code 10.0.0.0/8:8080}, {@code my.kv}. */
  public String text() {
    return text;
  }

  /** Whether this is a NAME or IP pattern, which a {@link HostMatcher} finds by hash lookup. */
  public boolean isExact() {
    return kind == Kind.NAME || kind == Kind.IP;
  }

  /** The canonical text without the port: the name, address, glob or CIDR. */
  String host() {
    return host;
  }

  public boolean matches(Authority authority) {
    if (port >= 0 && port != authority.port()) {
      return false;
    }
    return switch (kind) {
      case NAME -> !authority.isIpLiteral() && host.equals(authority.host());
      case IP -> authority.isIpLiteral() && host.equals(authority.host());
      case CIDR ->
          authority.isIpLiteral()
              && IpLiterals.inNetwork(network, prefix, authority.addressBytes());
      case GLOB -> !authority.isIpLiteral() && Glob.matches(host, authority.host());
    };
  }

  /** Most specific first; see {@link HostMatcher}. Zero only for equal patterns. */
  @Override
  public int compareTo(HostPattern other) {
    int order = Integer.compare(rank(), other.rank());
    if (order == 0 && kind == Kind.CIDR) {
      order = Integer.compare(other.prefix, prefix);
    }
    if (order == 0 && kind == Kind.GLOB) {
      order = Integer.compare(other.literalCharacters(), literalCharacters());
    }
    if (order == 0) {
      order = Boolean.compare(other.port >= 0, port >= 0);
    }
    return order != 0 ? order : text.compareTo(other.text);
  }

  private int rank() {
    return switch (kind) {
      case NAME, IP -> port >= 0 ? 0 : 1;
      case CIDR -> 2;
      case GLOB -> 3;
    };
  }

  private int literalCharacters() {
    int stars = 0;
    for (int i = 0; i < host.length(); i++) {
      if (host.charAt(i) == '*') {
        stars++;
      }
    }
    return host.length() - stars;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HostPattern that && text.equals(that.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
