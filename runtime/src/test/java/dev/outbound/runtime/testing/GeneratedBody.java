package dev.outbound.runtime.testing;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A body of pseudo-random bytes made as it is read, so a test holds no copy of it; two bodies of
 * one size hold the same bytes.
 */
public class GeneratedBody extends InputStream {

  private final long size;
  private long position;
  private long state = 42;

  public GeneratedBody(long size) {
    this.size = size;
  }

  /** How many bytes have been read. */
  public long position() {
    return position;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
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

  /** The SHA-256 of a stream, read to the end in small pieces; the stream is closed. */
  public static String sha256(InputStream in) throws IOException {
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

  /** The SHA-256 of a generated body of {@code size} bytes. */
  public static String sha256Of(long size) throws IOException {
    return sha256(new GeneratedBody(size));
  }
}
