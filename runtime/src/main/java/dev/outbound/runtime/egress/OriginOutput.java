package dev.outbound.runtime.egress;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The buffered output of one origin connection. Only one thread uses a connection at a time, so
 * unlike {@link java.io.BufferedOutputStream} it takes no lock; and a request head's text goes
 * straight into its buffer, with no {@code StringBuilder}, {@code String} or {@code byte[]} made on
 * the way.
 */
final class OriginOutput extends OutputStream {

  private final OutputStream out;
  private final byte[] buffer;
  private int count;

  OriginOutput(OutputStream out, int bufferSize) {
    this.out = out;
    this.buffer = new byte[bufferSize];
  }

  /**
   * Writes text as ISO-8859-1, the charset of HTTP/1.1 heads. A character beyond it becomes {@code
   * ?}, as {@link String#getBytes(java.nio.charset.Charset)} makes it.
   */
  void writeLatin1(String text) throws IOException {
    int length = text.length();
    int i = 0;
    while (i < length) {
      if (count == buffer.length) {
        flushBuffer();
      }
      int end = Math.min(length, i + buffer.length - count);
      for (; i < end; i++) {
        char c = text.charAt(i);
        buffer[count++] = c <= 0xff ? (byte) c : (byte) '?';
      }
    }
  }

  @Override
  public void write(int b) throws IOException {
    if (count == buffer.length) {
      flushBuffer();
    }
    buffer[count++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length >= buffer.length) {
      flushBuffer(); // a large write gains nothing from the buffer
      out.write(bytes, offset, length);
      return;
    }
    if (length > buffer.length - count) {
      flushBuffer();
    }
    System.arraycopy(bytes, offset, buffer, count, length);
    count += length;
  }

  @Override
  public void flush() throws IOException {
    flushBuffer();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    try (out) {
      flush();
    }
  }

  private void flushBuffer() throws IOException {
    if (count > 0) {
      out.write(buffer, 0, count);
      count = 0;
    }
  }
}
