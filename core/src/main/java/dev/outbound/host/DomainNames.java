package dev.outbound.host;

import java.net.IDN;

/**
 * Turns a host name (or a glob of one) into its canonical ASCII form and checks the label rules:
 * labels of 1..63 characters from {@code [a-z0-9_-]}, at most 253 characters in all.
 *
 * <p>Underscores are allowed because real service names use them ({@code _dmarc}); IDN conversion
 * runs without the STD3 flag for the same reason.
 */
final class DomainNames {

  static final int MAX_LENGTH = 253;
  static final int MAX_LABEL_LENGTH = 63;

  private DomainNames() {}

  /** The ASCII (punycode) form of a lower-case name without its trailing dot. */
  static String toAscii(String name) {
    if (isAscii(name)) {
      return name;
    }
    try {
      return IDN.toASCII(name);
    } catch (IllegalArgumentException e) {
      throw new InvalidHostException(
          "host is not a valid internationalised domain name (" + e.getMessage() + "): " + name);
    }
  }

  /**
   * Checks the length and label rules on an ASCII name. With {@code allowStar}, labels may also
   * contain {@code *}, which does not count towards their length.
   */
  static String check(String name, boolean allowStar) {
    if (name.length() > MAX_LENGTH) {
      throw new InvalidHostException("host is longer than " + MAX_LENGTH + " characters");
    }
    int start = 0;
    while (true) {
      int end = name.indexOf('.', start);
      if (end < 0) {
        end = name.length();
      }
      checkLabel(name, start, end, allowStar);
      if (end == name.length()) {
        return name;
      }
      start = end + 1;
    }
  }

  private static void checkLabel(String name, int start, int end, boolean allowStar) {
    if (start == end) {
      throw new InvalidHostException("host has an empty label: " + name);
    }
    int length = 0;
    for (int i = start; i < end; i++) {
      char c = name.charAt(i);
      if (c == '*' && allowStar) {
        continue;
      }
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
        throw new InvalidHostException(
            "host contains '" + c + "', which is not allowed in a host name: " + name);
      }
      length++;
    }
    if (length > MAX_LABEL_LENGTH) {
      throw new InvalidHostException(
          "host has a label longer than "
              + MAX_LABEL_LENGTH
              + " characters: "
              + name.substring(start, end));
    }
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
