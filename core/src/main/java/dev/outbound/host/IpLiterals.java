package dev.outbound.host;

import java.util.Arrays;

/**
 * Parses and prints IP literals by hand, so no text ever reaches a resolver.
 *
 * <p>IPv4 is accepted only as four decimal octets 0..255 without leading zeros. Resolvers read
 * {@code 127.1}, {@code 0x7f.0.0.1} and {@code 0177.0.0.1} as 127.0.0.1; accepting such text would
 * let it slip past a deny list that names 127.0.0.1.
 */
final class IpLiterals {

  static final String IPV4_HINT =
      "write four decimal numbers 0 to 255 without leading zeros, e.g. 10.0.0.1";
  static final String IPV6_HINT = "write an IPv6 address in brackets, e.g. [2001:db8::1]";

  private IpLiterals() {}

  /**
   * Whether resolvers would read this name as an IPv4 address: its last label is all digits, or
   * {@code 0x} followed by hex digits. Real top-level domains are never numeric (RFC 3696 §2), so
   * names such as {@code 1password.com} or {@code 3com.com} stay names.
   */
  static boolean looksLikeIpv4(String name) {
    int start = name.lastIndexOf('.') + 1;
    if (start == name.length()) {
      return false;
    }
    if (name.startsWith("0x", start)) {
      for (int i = start + 2; i < name.length(); i++) {
        if (Character.digit(name.charAt(i), 16) < 0) {
          return false;
        }
      }
      return true;
    }
    for (int i = start; i < name.length(); i++) {
      if (!isDigit(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Four strict decimal octets, or null. */
  static byte[] parseIpv4(String text) {
    byte[] address = new byte[4];
    return parseIpv4(text, 0, text.length(), address, 0) ? address : null;
  }

  /** IPv6 text without brackets or zone id (RFC 4291 §2.2, embedded IPv4 allowed), or null. */
  static byte[] parseIpv6(String text) {
    int length = text.length();
    byte[] address = new byte[16];
    int groups = 0;
    int gap = -1; // group index the "::" stands at
    int i = 0;
    if (text.startsWith("::")) {
      gap = 0;
      i = 2;
    } else if (length == 0 || text.charAt(0) == ':') {
      return null;
    }
    while (i < length) {
      if (groups == 8) {
        return null;
      }
      int start = i;
      int value = 0;
      while (i < length && i - start < 4 && Character.digit(text.charAt(i), 16) >= 0) {
        value = value * 16 + Character.digit(text.charAt(i), 16);
        i++;
      }
      if (i < length && text.charAt(i) == '.') {
        // An embedded IPv4 address takes the last two groups.
        if (groups > 6 || !parseIpv4(text, start, length, address, groups * 2)) {
          return null;
        }
        groups += 2;
        break;
      }
      if (i == start) {
        return null;
      }
      address[groups * 2] = (byte) (value >> 8);
      address[groups * 2 + 1] = (byte) value;
      groups++;
      if (i == length) {
        break;
      }
      if (text.charAt(i) != ':') {
        return null;
      }
      i++;
      if (i < length && text.charAt(i) == ':') {
        if (gap >= 0) {
          return null;
        }
        gap = groups;
        i++;
      } else if (i == length) {
        return null;
      }
    }
    if (gap < 0) {
      return groups == 8 ? address : null;
    }
    if (groups == 8) {
      return null; // "::" must stand for at least one group
    }
    int tailBytes = (groups - gap) * 2;
    System.arraycopy(address, gap * 2, address, 16 - tailBytes, tailBytes);
    Arrays.fill(address, gap * 2, 16 - tailBytes, (byte) 0);
    return address;
  }

  /** The IPv4 address in an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}), else the input. */
  static byte[] unmapIpv4(byte[] address) {
    if (address.length != 16 || address[10] != (byte) 0xff || address[11] != (byte) 0xff) {
      return address;
    }
    for (int i = 0; i < 10; i++) {
      if (address[i] != 0) {
        return address;
      }
    }
    return Arrays.copyOfRange(address, 12, 16);
  }

  /** Canonical text: dotted quad for IPv4; RFC 5952 in brackets for IPv6. */
  static String format(byte[] address) {
    if (address.length == 4) {
      return (address[0] & 0xff)
          + "."
          + (address[1] & 0xff)
          + "."
          + (address[2] & 0xff)
          + "."
          + (address[3] & 0xff);
    }
    // RFC 5952 §4.2: "::" replaces the longest run of two or more zero groups, the first on a tie.
    int gapStart = -1;
    int gapLength = 1;
    for (int g = 0; g < 8; ) {
      if (group(address, g) != 0) {
        g++;
        continue;
      }
      int start = g;
      while (g < 8 && group(address, g) == 0) {
        g++;
      }
      if (g - start > gapLength) {
        gapStart = start;
        gapLength = g - start;
      }
    }
    StringBuilder text = new StringBuilder(41).append('[');
    for (int g = 0; g < 8; g++) {
      if (g == gapStart) {
        text.append("::");
        g += gapLength - 1;
        continue;
      }
      if (g > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(group(address, g)));
    }
    return text.append(']').toString();
  }

  /** The address with every bit after the first {@code prefix} bits cleared. */
  static byte[] network(byte[] address, int prefix) {
    byte[] network = new byte[address.length];
    for (int i = 0; i < address.length; i++) {
      int bits = Math.min(8, Math.max(0, prefix - i * 8));
      network[i] = (byte) (address[i] & (0xff00 >> bits));
    }
    return network;
  }

  /** Whether {@code address} lies in {@code network/prefix}; different families never match. */
  static boolean inNetwork(byte[] network, int prefix, byte[] address) {
    if (address.length != network.length) {
      return false;
    }
    int whole = prefix / 8;
    for (int i = 0; i < whole; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    return rest == 0 || ((address[whole] ^ network[whole]) & (0xff00 >> rest) & 0xff) == 0;
  }

  private static boolean parseIpv4(String text, int from, int to, byte[] address, int offset) {
    int i = from;
    for (int octet = 0; octet < 4; octet++) {
      if (octet > 0) {
        if (i >= to || text.charAt(i) != '.') {
          return false;
        }
        i++;
      }
      int start = i;
      int value = 0;
      while (i < to && i - start < 3 && isDigit(text.charAt(i))) {
        value = value * 10 + (text.charAt(i) - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || value > 255 || (digits > 1 && text.charAt(start) == '0')) {
        return false;
      }
      address[offset + octet] = (byte) value;
    }
    return i == to;
  }

  private static int group(byte[] address, int index) {
    return (address[index * 2] & 0xff) << 8 | (address[index * 2 + 1] & 0xff);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
