package dev.outbound.runtime.egress;

import java.util.ArrayList;
import java.util.List;

/** Character classes and list syntax of HTTP/1.1 (RFC 9110 §5.6, RFC 9112 §3). */
final class HttpSyntax {

  private HttpSyntax() {}

  /** Visible ASCII only: what a request target may hold, with no space to end it early. */
  static boolean isVisibleAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** Without leading and trailing spaces and tabs (optional whitespace). */
  static String trimWhitespace(String text) {
    return trimWhitespace(text, 0);
  }

  /** {@code text} from {@code from} on, trimmed as {@link #trimWhitespace(String)}; one copy. */
  static String trimWhitespace(String text, int from) {
    return trimWhitespace(text, from, text.length());
  }

  /** {@code text} from {@code from} to {@code to}, trimmed; one copy, none when nothing is cut. */
  static String trimWhitespace(String text, int from, int to) {
    int start = from;
    int end = to;
    while (start < end && isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * The elements of comma-separated header values, trimmed, empty ones dropped ("a, b" and "c" give
   * a, b, c).
   */
  static List<String> listElements(List<String> values) {
    if (values.size() == 1 && values.get(0).indexOf(',') < 0) {
      // nearly every header holds one element: no list to grow
      String element = trimWhitespace(values.get(0));
      return element.isEmpty() ? List.of() : List.of(element);
    }
    List<String> elements = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      int start = 0;
      while (start <= value.length()) {
        int comma = value.indexOf(',', start);
        int end = comma < 0 ? value.length() : comma;
        String element = trimWhitespace(value, start, end);
        if (!element.isEmpty()) {
          elements.add(element);
        }
        start = end + 1;
      }
    }
    return elements;
  }

  /**
   * At most 100 characters, control characters escaped, so a hostile origin cannot shape the log.
   */
  static String printable(String line) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < line.length() && i < 100; i++) {
      char c = line.charAt(i);
      if (c < ' ' || c >= 0x7f) {
        text.append(String.format("\\x%02x", (int) c));
      } else {
        text.append(c);
      }
    }
    return line.length() > 100 ? text.append("...").toString() : text.toString();
  }
}
