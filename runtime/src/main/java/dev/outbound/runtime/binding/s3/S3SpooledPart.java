package dev.outbound.runtime.binding.s3;

import dev.outbound.binding.ObjectLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A multipart upload part copied to a temp file, deleted on close. S3 needs a part's length before its
 * body, and a part may be up to 5 GiB, so it is read to its end on disk rather than in memory; the
 * file also lets the SDK send it again on a retry.
 */
final class S3SpooledPart implements AutoCloseable {

  private static final int COPY_BUFFER_BYTES = 64 * 1024;

  private final Path file;
  private final long size;
  private final byte[] md5;

  private S3SpooledPart(Path file, long size, byte[] md5) {
    this.file = file;
    this.size = size;
    this.md5 = md5;
  }

  /**
   * Copies {@code body} to a new temp file.
   *
   * @throws dev.outbound.binding.BindingLimitException if the body is over {@link ObjectLimits#MAX_UPLOAD_BYTES}
   */
  static S3SpooledPart copyOf(InputStream body) throws IOException {
    Path file = Files.createTempFile("outbound-s3-part-", ".tmp");
    try {
      MessageDigest md5 = S3BodyChunks.digest("MD5");
      long size = 0;
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), md5)) {
        byte[] buffer = new byte[COPY_BUFFER_BYTES];
        for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
          size += read;
          ObjectLimits.checkUploadSize(size);
          out.write(buffer, 0, read);
        }
      }
      return new S3SpooledPart(file, size, md5.digest());
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  long size() {
    return size;
  }

  byte[] md5() {
    return md5;
  }

  RequestBody requestBody() {
    return RequestBody.fromFile(file);
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(file);
  }
}
