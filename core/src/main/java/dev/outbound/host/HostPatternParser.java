package dev.outbound.host;

import java.util.Arrays;
import java.util.Locale;

/** Turns pattern text into a {@link HostPattern}, with messages that say what to write instead. */
final class HostPatternParser {

  private static final String CIDR_HINT =
      "write a CIDR instead, e.g. 10.0.0.0/8 or [2001:db8::]/32";

  private HostPatternParser() {}

  static HostPattern parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new InvalidHostPatternException(text, "the pattern is empty");
    }
    if (text.contains("://")) {
      throw new InvalidHostPatternException(
          text,
          "this is a URL, not a host",
          "write only the host, e.g. example.com or example.com:8443");
    }
    try {
      HostNormalizer.checkCharacters(text);
      String pattern = text.toLowerCase(Locale.ROOT);
      int slash = pattern.indexOf('/');
      if (slash >= 0) {
        return cidr(text, pattern.substring(0, slash), pattern.substring(slash + 1));
      }
      int colon = HostNormalizer.portSeparator(pattern);
      String host = colon < 0 ? pattern : pattern.substring(0, colon);
      int port = colon < 0 ? -1 : HostNormalizer.parsePort(pattern.substring(colon + 1));
      if (host.indexOf('*') >= 0) {
        return HostPattern.glob(glob(text, host), port);
      }
      return HostPattern.exact(HostNormalizer.canonicalHost(host), port);
    } catch (InvalidHostException e) {
      throw new InvalidHostPatternException(text, e.getMessage());
    }
  }

  /** {@code address/prefix[:port]}; IPv6 addresses may be written with or without brackets. */
  private static HostPattern cidr(String text, String address, String prefixAndPort) {
    int colon = prefixAndPort.indexOf(':');
    String prefixText = colon < 0 ? prefixAndPort : prefixAndPort.substring(0, colon);
    int port = colon < 0 ? -1 : HostNormalizer.parsePort(prefixAndPort.substring(colon + 1));
    byte[] ip = cidrAddress(text, address);
    int prefix = prefixLength(text, prefixText, ip.length * 8);
    byte[] unmapped = IpLiterals.unmapIpv4(ip);
    if (unmapped != ip && prefix >= 96) {
      ip = unmapped;
      prefix -= 96;
    }
    byte[] network = IpLiterals.network(ip, prefix);
    HostPattern pattern = HostPattern.cidr(network, prefix, port);
    if (!Arrays.equals(ip, network)) {
      throw new InvalidHostPatternException(text, "host bits set", "write " + pattern.text());
    }
    return pattern;
  }

  private static byte[] cidrAddress(String text, String address) {
    boolean bracketed = address.length() >= 2 && address.startsWith("[") && address.endsWith("]");
    String bare = bracketed ? address.substring(1, address.length() - 1) : address;
    if (bracketed || bare.indexOf(':') >= 0) {
      byte[] ip = IpLiterals.parseIpv6(bare);
      if (ip == null) {
        throw new InvalidHostPatternException(
            text, "malformed IPv6 address before the /", CIDR_HINT);
      }
      return ip;
    }
    byte[] ip = IpLiterals.parseIpv4(bare);
    if (ip != null) {
      return ip;
    }
    if (IpLiterals.looksLikeIpv4(bare)) {
      throw new InvalidHostPatternException(
          text, "malformed IPv4 address before the /", IpLiterals.IPV4_HINT);
    }
    throw new InvalidHostPatternException(
        text, "a CIDR needs an IP address before the /", CIDR_HINT + "; a name cannot have a /");
  }

  private static int prefixLength(String text, String prefixText, int maximum) {
    String range =
        "write a prefix length from 0 to "
            + maximum
            + ", e.g. "
            + (maximum == 32 ? "10.0.0.0/8" : "[2001:db8::]/32");
    if (prefixText.isEmpty() || prefixText.length() > 3) {
      throw new InvalidHostPatternException(text, "missing or malformed prefix length", range);
    }
    int prefix = 0;
    for (int i = 0; i < prefixText.length(); i++) {
      char c = prefixText.charAt(i);
      if (c < '0' || c > '9') {
        throw new InvalidHostPatternException(text, "prefix length is not a number", range);
      }
      prefix = prefix * 10 + (c - '0');
    }
    if (prefix > maximum) {
      throw new InvalidHostPatternException(
          text, "prefix length " + prefix + " is out of range", range);
    }
    return prefix;
  }

  /** Lower case, one trailing dot stripped, {@code **} as {@code *}, IDN labels in punycode. */
  private static String glob(String text, String host) {
    String glob = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    while (glob.contains("**")) {
      glob = glob.replace("**", "*");
    }
    if (hasUnicodeLabelWithStar(glob)) {
      throw new InvalidHostPatternException(
          text,
          "a label with * must be plain ASCII",
          "write that label in its xn-- form, or as a whole label without *");
    }
    glob = DomainNames.check(DomainNames.toAscii(glob), true);
    if (IpLiterals.looksLikeIpv4(glob) || onlyDigitsDotsAndStars(glob)) {
      throw new InvalidHostPatternException(
          text, "a glob matches names only, never IP addresses", CIDR_HINT);
    }
    return glob;
  }

  /** True if some label mixes {@code *} with non-ASCII text, which punycode would mangle. */
  private static boolean hasUnicodeLabelWithStar(String glob) {
    boolean star = false;
    boolean unicode = false;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (isLabelSeparator(c)) {
        star = false;
        unicode = false;
      } else {
        star |= c == '*';
        unicode |= c >= 0x80;
        if (star && unicode) {
          return true;
        }
      }
    }
    return false;
  }

  /** The dots IDNA accepts between labels (RFC 3490 §3.1). */
  private static boolean isLabelSeparator(char c) {
    return c == '.' || c == '\u3002' || c == '\uff0e' || c == '\uff61';
  }

  private static boolean onlyDigitsDotsAndStars(String glob) {
    boolean digit = false;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '.' && c != '*') {
        return false;
      }
    }
    return digit;
  }
}
