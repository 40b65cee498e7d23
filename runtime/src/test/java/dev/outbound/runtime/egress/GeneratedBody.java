package dev.outbound.runtime.egress;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A body of any length made up as it is read, the same every time, so large bodies never sit in
 * memory.
 */
final class GeneratedBody extends InputStream {

  private final long length;
  private long position;

  GeneratedBody(long length) {
    this.length = length;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int count) {
    if (position == length) {
      return -1;
    }
    int n = (int) Math.min(count, length - position);
    for (int i = 0; i < n; i++) {
      long p = position + i;
      buffer[offset + i] = (byte) ((p * 2654435761L) >>> 13 ^ p >>> 8);
    }
    position += n;
    return n;
  }

  /** The SHA-256 of a stream, read to the end in small pieces; the stream is closed. */
  static String sha256(InputStream in) throws IOException {
    try (in) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static String sha256Of(long length) throws IOException {
    return sha256(new GeneratedBody(length));
  }
}
