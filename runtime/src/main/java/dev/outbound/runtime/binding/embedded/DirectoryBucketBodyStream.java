package dev.outbound.runtime.binding.embedded;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Streams a byte range of an open object file straight into the caller's buffer, and closes the
 * file when closed. The open file keeps the version it was opened on readable even after it is
 * replaced.
 */
final class DirectoryBucketBodyStream extends InputStream {

  /**
   * A GiB in a thousand reads and writes rather than {@link InputStream#transferTo}'s 65,536, while
   * a body being served holds at most this much heap.
   */
  static final int TRANSFER_BUFFER_BYTES = 1024 * 1024;

  private final FileChannel channel;
  private final long end;
  private long position;

  DirectoryBucketBodyStream(FileChannel channel, long offset, long length) {
    this.channel = channel;
    this.position = offset;
    this.end = offset + length;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (position >= end) {
      return -1;
    }
    int wanted = (int) Math.min(length, end - position);
    int read = channel.read(ByteBuffer.wrap(buffer, offset, wanted), position);
    if (read < 0) {
      throw new EOFException("object file ended " + (end - position) + " bytes early");
    }
    position += read;
    return read;
  }

  /** Copies the rest of the range to {@code out} through one buffer sized to fit it. */
  @Override
  public long transferTo(OutputStream out) throws IOException {
    byte[] buffer = new byte[(int) Math.clamp(end - position, 1, TRANSFER_BUFFER_BYTES)];
    long transferred = 0;
    int read;
    while ((read = read(buffer, 0, buffer.length)) != -1) {
      out.write(buffer, 0, read);
      transferred += read;
    }
    return transferred;
  }

  @Override
  public long skip(long count) {
    long skipped = Math.max(0, Math.min(count, end - position));
    position += skipped;
    return skipped;
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, end - position);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
