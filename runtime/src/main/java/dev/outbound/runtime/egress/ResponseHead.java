package dev.outbound.runtime.egress;

import dev.outbound.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A parsed status line and header section, exactly as the origin sent them.
 *
 * @param minorVersion 1 for HTTP/1.1, 0 for HTTP/1.0
 */
record ResponseHead(int minorVersion, int status, Headers headers) {

  private static final String WHAT = "response head";

  /**
   * Reads one response head.
   *
   * @throws InvalidResponseException when the head is malformed or larger than {@code limit} bytes
   */
  static ResponseHead read(InputStream in, int limit) throws IOException {
    LineReader lines = new LineReader(in, limit, WHAT);
    String statusLine = lines.readLine();
    if (!isStatusLine(statusLine)) {
      throw new InvalidResponseException(
          "malformed status line: " + HttpSyntax.printable(statusLine));
    }
    int minorVersion = statusLine.charAt(7) - '0';
    int status = Integer.parseInt(statusLine, 9, 12, 10);
    Headers.Builder headers = Headers.builder();
    for (String line = lines.readLine(); !line.isEmpty(); line = lines.readLine()) {
      addField(headers, line);
    }
    return new ResponseHead(minorVersion, status, headers.build());
  }

  boolean isInterim() {
    return status < 200;
  }

  /**
   * Whether the origin lets the connection carry another request: HTTP/1.1 without {@code
   * Connection: close}.
   */
  boolean keepsAlive() {
    if (minorVersion != 1) {
      return false;
    }
    List<String> options = HopByHopHeaders.connectionOptions(headers);
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i).equalsIgnoreCase("close")) {
        return false;
      }
    }
    return true;
  }

  /** {@code HTTP/1.x SSS} followed by the end or a space and a reason phrase. */
  private static boolean isStatusLine(String line) {
    return line.length() >= 12
        && line.startsWith("HTTP/1.")
        && HttpSyntax.isDigit(line.charAt(7))
        && line.charAt(8) == ' '
        && line.charAt(9) >= '1'
        && line.charAt(9) <= '9'
        && HttpSyntax.isDigit(line.charAt(10))
        && HttpSyntax.isDigit(line.charAt(11))
        && (line.length() == 12 || line.charAt(12) == ' ');
  }

  private static void addField(Headers.Builder headers, String line)
      throws InvalidResponseException {
    if (HttpSyntax.isWhitespace(line.charAt(0))) {
      // Obsolete line folding is a way to hide one header inside another (RFC 9112 §5.2).
      throw new InvalidResponseException("the response head folds a header over lines");
    }
    int colon = line.indexOf(':');
    String name = colon < 0 ? "" : line.substring(0, colon);
    String value = HttpSyntax.trimWhitespace(line, colon + 1);
    try {
      // Headers checks the name is a token and the value holds no control character
      headers.add(name, value);
    } catch (IllegalArgumentException e) {
      // not e's message, which quotes the line as it is, control characters included
      throw new InvalidResponseException(
          "malformed response header: " + HttpSyntax.printable(line));
    }
  }
}
