package dev.outbound;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads streaming bodies into memory, never past a limit. */
final class Bodies {

  /** What {@code bytes()} and {@code text()} read at most unless told otherwise. */
  static final long DEFAULT_LIMIT = 8L * 1024 * 1024;

  static final InputStream EMPTY = InputStream.nullInputStream();

  private Bodies() {}

  static byte[] read(InputStream body, long limit) {
    try (body) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      long total = 0;
      int n;
      while ((n = body.read(buffer)) != -1) {
        total += n;
        if (total > limit) {
          throw new BodyTooLargeException(limit);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read body", e);
    }
  }

  static InputStream of(byte[] bytes) {
    return bytes.length == 0 ? InputStream.nullInputStream() : new ByteArrayInputStream(bytes);
  }
}
