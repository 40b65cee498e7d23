package dev.outbound.host;

import java.util.Locale;

/**
 * The one host normaliser: every request destination and every host pattern goes through it.
 *
 * <ul>
 *   <li>Names are lower-cased, lose one trailing dot ({@code a.b.} is {@code a.b}; {@code a.b..} is
 *       rejected), are converted to punycode with {@link java.net.IDN#toASCII(String)} (no STD3
 *       flag), then must have labels of 1..63 characters from {@code [a-z0-9_-]} and at most 253
 *       characters in all.
 *   <li>A name whose last label is numeric (all digits, or {@code 0x} and hex digits) is an IPv4
 *       literal and must be exactly four decimal octets 0..255 without leading zeros. This rejects
 *       {@code 127.1}, {@code 0x7f.0.0.1}, {@code 01.2.3.4} and {@code 1.2.3.4.5}, which resolvers
 *       read in surprising ways; {@code 1password.com} stays a name. The test runs after IDN
 *       conversion, so full-width digits cannot hide an address.
 *   <li>IPv6 is written in brackets and printed in RFC 5952 form ({@code [2001:db8::1]}). {@link
 *       #normalize} also takes it bare ({@code ::1}), as socket APIs print it; in an authority the
 *       brackets are required. Zone ids ({@code %eth0}) are rejected.
 *   <li>IPv4-mapped IPv6 ({@code [::ffff:1.2.3.4]}) becomes the IPv4 literal {@code 1.2.3.4}, so a
 *       deny list entry for an IPv4 address cannot be bypassed through the mapped form. Other
 *       IPv4-embedding forms (NAT64, 6to4) stay IPv6; the egress guard deals with them.
 *   <li>Control characters are rejected, as are spaces, {@code / \ @ ? # %} and anything else
 *       outside the label alphabet. Ports are decimal digits, 1..65535.
 *   <li>Nothing here resolves a name: IP literals are parsed by hand.
 * </ul>
 */
public final class HostNormalizer {

  private HostNormalizer() {}

  /**
   * Normalises a host as it appears in a URI or Host header (IPv6 in brackets, or bare) with a port
   * that is already known. A null host counts as empty, as {@link java.net.URI#getHost()} returns
   * null when a URI has no usable host.
   */
  public static Authority normalize(String host, int port) throws InvalidHostException {
    checkPort(port);
    return new Authority(canonicalHost(host), port);
  }

  /**
   * Parses an authority-form destination: {@code host}, {@code host:port}, {@code [v6]} or {@code
   * [v6]:port}, using {@code defaultPort} when it has no port. Userinfo is rejected.
   */
  public static Authority parseAuthority(String authority, int defaultPort)
      throws InvalidHostException {
    checkPort(defaultPort);
    if (authority == null || authority.isEmpty()) {
      throw new InvalidHostException("host is empty");
    }
    checkCharacters(authority);
    if (authority.indexOf('@') >= 0) {
      throw new InvalidHostException("userinfo (user@) is not allowed in an authority");
    }
    int colon = portSeparator(authority);
    if (colon < 0) {
      return normalize(authority, defaultPort);
    }
    return normalize(authority.substring(0, colon), parsePort(authority.substring(colon + 1)));
  }

  /** The canonical form of a host without port: name, IPv4 literal or bracketed IPv6 literal. */
  static CanonicalHost canonicalHost(String raw) {
    if (raw == null || raw.isEmpty()) {
      throw new InvalidHostException("host is empty");
    }
    checkCharacters(raw);
    String host = raw.toLowerCase(Locale.ROOT);
    if (host.charAt(0) == '[') {
      if (host.length() < 2 || host.charAt(host.length() - 1) != ']') {
        throw malformedIpv6(raw);
      }
      byte[] address = IpLiterals.parseIpv6(host.substring(1, host.length() - 1));
      if (address == null) {
        throw malformedIpv6(raw);
      }
      return ipLiteral(address);
    }
    if (host.indexOf(':') >= 0) {
      byte[] address = IpLiterals.parseIpv6(host);
      if (address == null) {
        throw new InvalidHostException(
            "host contains ':' but is not an IPv6 literal (give the port separately): " + raw);
      }
      return ipLiteral(address);
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.isEmpty()) {
      throw new InvalidHostException("host is empty");
    }
    String ascii = DomainNames.toAscii(host);
    if (!IpLiterals.looksLikeIpv4(ascii)) {
      return new CanonicalHost(DomainNames.check(ascii, false), null);
    }
    byte[] address = IpLiterals.parseIpv4(ascii);
    if (address == null) {
      throw new InvalidHostException(
          "malformed IPv4 literal: " + raw + " (" + IpLiterals.IPV4_HINT + ")");
    }
    return ipLiteral(address);
  }

  /**
   * Rejects control characters (C0, DEL, C1) and IPv6 zone ids before anything else looks at the
   * text, so no later message can echo a CR or LF.
   */
  static void checkCharacters(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        throw new InvalidHostException("host contains a control character");
      }
    }
    if (text.indexOf('%') >= 0 && text.indexOf(':') >= 0) {
      throw new InvalidHostException("IPv6 zone ids are not allowed: " + text);
    }
  }

  /**
   * The index of the colon that starts the port in {@code host:port} or {@code [v6]:port}, or -1
   * when there is no port. Rejects IPv6 without brackets, where the port would be ambiguous.
   */
  static int portSeparator(String authority) {
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw malformedIpv6(authority);
      }
      if (close == authority.length() - 1) {
        return -1;
      }
      if (authority.charAt(close + 1) != ':') {
        throw new InvalidHostException(
            "unexpected text after IPv6 literal (expected :port): " + authority);
      }
      return close + 1;
    }
    int colon = authority.indexOf(':');
    if (colon >= 0 && authority.indexOf(':', colon + 1) >= 0) {
      throw new InvalidHostException(
          "IPv6 literals must be in brackets, e.g. [::1] or [::1]:443: " + authority);
    }
    return colon;
  }

  /** Decimal digits only, 1..65535. */
  static int parsePort(String text) {
    if (text.isEmpty()) {
      throw new InvalidHostException("port is empty");
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new InvalidHostException("port is not a number: " + text);
      }
      value = Math.min(value * 10 + (c - '0'), Integer.MAX_VALUE);
    }
    if (value < 1 || value > 65535) {
      throw new InvalidHostException("port out of range: " + text + " (allowed: 1-65535)");
    }
    return (int) value;
  }

  private static void checkPort(int port) {
    if (port < 1 || port > 65535) {
      throw new InvalidHostException("port out of range: " + port + " (allowed: 1-65535)");
    }
  }

  private static CanonicalHost ipLiteral(byte[] address) {
    byte[] unmapped = IpLiterals.unmapIpv4(address);
    return new CanonicalHost(IpLiterals.format(unmapped), unmapped);
  }

  private static InvalidHostException malformedIpv6(String raw) {
    return new InvalidHostException(
        "malformed IPv6 literal: " + raw + " (" + IpLiterals.IPV6_HINT + ")");
  }
}
