package dev.outbound.runtime.egress;

import java.util.List;

/**
 * Where a response body ends (RFC 9112 §6.3). Stricter than the RFC where leniency helps smuggling:
 * {@code Transfer-Encoding} with {@code Content-Length}, codings other than {@code chunked}, and
 * disagreeing lengths are refused.
 *
 * @param length the body length for {@link Kind#FIXED}, else 0
 */
record ResponseFraming(Kind kind, long length) {

  enum Kind {
    /** No body: a response to HEAD, or 204 or 304. */
    NONE,
    /** {@code Content-Length} bytes. */
    FIXED,
    /** Chunked. */
    CHUNKED,
    /** Everything until the origin closes the connection. */
    UNTIL_CLOSE
  }

  private static final int MAX_LENGTH_DIGITS = 18; // stays clear of long overflow

  static ResponseFraming of(String requestMethod, ResponseHead head)
      throws InvalidResponseException {
    int status = head.status();
    if (requestMethod.equals("HEAD") || status == 204 || status == 304) {
      return new ResponseFraming(Kind.NONE, 0);
    }
    List<String> codingValues = head.headers().all("Transfer-Encoding");
    List<String> lengthValues = head.headers().all("Content-Length");
    List<String> codings = HttpSyntax.listElements(codingValues);
    if (!codings.isEmpty()) {
      if (!lengthValues.isEmpty()) {
        throw new InvalidResponseException(
            "the response has both Transfer-Encoding and Content-Length");
      }
      if (codings.size() != 1 || !codings.get(0).equalsIgnoreCase("chunked")) {
        throw new InvalidResponseException(
            "unsupported transfer coding: " + HttpSyntax.printable(String.join(", ", codings)));
      }
      return new ResponseFraming(Kind.CHUNKED, 0);
    }
    if (!lengthValues.isEmpty()) {
      return new ResponseFraming(Kind.FIXED, contentLength(HttpSyntax.listElements(lengthValues)));
    }
    return new ResponseFraming(Kind.UNTIL_CLOSE, 0);
  }

  /** One length; repeats are accepted only when they agree (RFC 9110 §8.6). */
  private static long contentLength(List<String> lengths) throws InvalidResponseException {
    if (lengths.isEmpty()) {
      throw new InvalidResponseException("the response has an empty Content-Length");
    }
    String first = lengths.get(0);
    for (String length : lengths) {
      if (!length.equals(first)) {
        throw new InvalidResponseException("the response has conflicting Content-Length values");
      }
    }
    if (first.length() > MAX_LENGTH_DIGITS) {
      throw new InvalidResponseException(
          "malformed Content-Length: " + HttpSyntax.printable(first));
    }
    long length = 0;
    for (int i = 0; i < first.length(); i++) {
      char c = first.charAt(i);
      if (!HttpSyntax.isDigit(c)) {
        throw new InvalidResponseException(
            "malformed Content-Length: " + HttpSyntax.printable(first));
      }
      length = length * 10 + (c - '0');
    }
    return length;
  }
}
