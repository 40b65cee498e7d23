package dev.outbound.runtime.binding.embedded;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Streams a byte range of an open object file straight into the caller's buffer, and closes the
 * file when closed. The open file keeps the version it was opened on readable even after it is
 * replaced.
 */
final class DirectoryBucketBodyStream extends InputStream {

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
