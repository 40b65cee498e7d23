package dev.outbound.runtime.egress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the lines of one response head, chunk header or trailer section, all of them together
 * within one byte limit.
 */
final class LineReader {

  private final InputStream in;
  private final int limit;
  private final String what;
  private int remaining;

  /**
   * @param limit the most bytes all lines may take, terminators included
   * @param what what the lines are, for messages: "response head"
   */
  LineReader(InputStream in, int limit, String what) {
    this.in = in;
    this.limit = limit;
    this.what = what;
    this.remaining = limit;
  }

  /**
   * The next line without its terminator, as ISO-8859-1 so every byte survives. A bare LF also ends
   * a line (RFC 9112 §2.2); a CR anywhere else is refused.
   *
   * @throws InvalidResponseException when the limit is exceeded, a bare CR appears, or the stream
   *     ends first
   */
  String readLine() throws IOException {
    if (in instanceof OriginInput buffered) {
      String line = buffered.takeBufferedLine(remaining);
      if (line != null) {
        remaining -= buffered.lastLineBytes();
        if (line.indexOf('\r') >= 0) {
          throw strayCarriageReturn();
        }
        return line;
      }
    }
    byte[] line = new byte[Math.min(remaining + 1, 128)];
    int length = 0;
    while (remaining > 0) {
      int b = in.read();
      remaining--;
      if (b == -1) {
        throw new InvalidResponseException(
            "the origin closed the connection in the middle of the " + what);
      }
      if (b == '\n') {
        if (length > 0 && line[length - 1] == '\r') {
          length--;
        }
        return new String(line, 0, length, StandardCharsets.ISO_8859_1);
      }
      if (length > 0 && line[length - 1] == '\r') {
        throw strayCarriageReturn();
      }
      if (length == line.length) {
        line = Arrays.copyOf(line, line.length * 2);
      }
      line[length++] = (byte) b;
    }
    throw new InvalidResponseException("the " + what + " exceeds " + limit + " bytes");
  }

  private InvalidResponseException strayCarriageReturn() {
    return new InvalidResponseException("the " + what + " holds a CR that does not end a line");
  }
}
