package dev.outbound.runtime.egress;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** A body framed by {@code Content-Length}: exactly that many bytes, then the end. */
final class FixedLengthBody extends InputStream {

  private final InputStream in;
  private final long length;
  private long remaining;

  FixedLengthBody(InputStream in, long length) {
    this.in = in;
    this.length = length;
    this.remaining = length;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int count) throws IOException {
    if (remaining == 0) {
      return -1;
    }
    if (count == 0) {
      return 0;
    }
    int n = in.read(buffer, offset, (int) Math.min(count, remaining));
    if (n == -1) {
      throw new EOFException(
          "the origin closed the connection after "
              + (length - remaining)
              + " of "
              + length
              + " body bytes");
    }
    remaining -= n;
    return n;
  }

  @Override
  public int available() throws IOException {
    return (int) Math.min(in.available(), remaining);
  }
}
