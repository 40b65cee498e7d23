package dev.outbound.runtime.egress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The buffered input of one origin connection. Only one thread uses a connection at a time (the
 * pool hands it over under its lock), so unlike {@link java.io.BufferedInputStream} it takes no
 * lock, and it can tell whether it holds unread bytes without asking the socket.
 */
final class OriginInput extends InputStream {

  private final InputStream in;
  private final byte[] buffer;
  private int position;
  private int limit;

  OriginInput(InputStream in, int bufferSize) {
    this.in = in;
    this.buffer = new byte[bufferSize];
  }

  /** Whether bytes arrived that nobody has read yet. */
  boolean holdsUnreadBytes() {
    return position < limit;
  }

  /** Waits until a byte can be read without blocking; false when the stream ended instead. */
  boolean awaitByte() throws IOException {
    return position < limit || fill();
  }

  /**
   * The next line when it is already buffered whole, its LF within {@code maxBytes}: the bytes
   * before the LF as ISO-8859-1, consumed with the LF. Null otherwise, and nothing is consumed.
   */
  String takeBufferedLine(int maxBytes) {
    int end = Math.min(limit, position + maxBytes);
    for (int i = position; i < end; i++) {
      if (buffer[i] == '\n') {
        String line = new String(buffer, position, i - position, StandardCharsets.ISO_8859_1);
        position = i + 1;
        return line;
      }
    }
    return null;
  }

  @Override
  public int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int count) throws IOException {
    Objects.checkFromIndexSize(offset, count, target.length);
    if (count == 0) {
      return 0;
    }
    if (position == limit) {
      if (count >= buffer.length) {
        return in.read(target, offset, count); // a large read gains nothing from the buffer
      }
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(count, limit - position);
    System.arraycopy(buffer, position, target, offset, n);
    position += n;
    return n;
  }

  @Override
  public int available() throws IOException {
    return position < limit ? limit - position : in.available();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }
}
