package dev.outbound.runtime.binding.embedded;

import java.io.InputStream;

/**
 * A body of pseudo-random bytes made as it is read, so a test holds no copy of it; two bodies of
 * one size hold the same bytes.
 */
final class GeneratedBody extends InputStream {

  private final long size;
  private long position;
  private long state = 42;

  GeneratedBody(long size) {
    this.size = size;
  }

  /** How many bytes have been read. */
  long position() {
    return position;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (position >= size) {
      return -1;
    }
    int count = (int) Math.min(length, size - position);
    for (int i = 0; i < count; i++) {
      state = state * 6364136223846793005L + 1442695040888963407L;
      buffer[offset + i] = (byte) (state >>> 56);
    }
    position += count;
    return count;
  }
}
