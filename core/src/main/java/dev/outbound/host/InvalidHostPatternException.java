package dev.outbound.host;

/**
 * A host pattern that cannot be parsed. The message quotes the pattern, says what is wrong and what
 * to write instead, because it is shown as-is by the annotation processor and at config load.
 */
public final class InvalidHostPatternException extends IllegalArgumentException {

  static final String VALID_FORMS =
      "valid forms are an exact name (my.kv), a glob"
          + " (*.example.com), an IP address (10.0.0.1 or [2001:db8::1]) or a CIDR (10.0.0.0/8 or"
          + " [2001:db8::]/32), each optionally followed by :port (1-65535); without a port the"
          + " pattern matches every port";

  InvalidHostPatternException(String pattern, String problem) {
    this(pattern, problem, VALID_FORMS);
  }

  InvalidHostPatternException(String pattern, String problem, String fix) {
    super("invalid host pattern " + quote(pattern) + ": " + problem + "; " + fix);
  }

  /** Quotes the pattern with control characters escaped, so the message stays on one line. */
  private static String quote(String pattern) {
    if (pattern == null) {
      return "null";
    }
    StringBuilder quoted = new StringBuilder(pattern.length() + 2).append('"');
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (Character.isISOControl(c)) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
