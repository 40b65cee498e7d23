package dev.outbound.runtime.binding.s3;

import dev.outbound.binding.ObjectLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Reads a body of unknown length in chunks of up to {@code chunkBytes}, all into one buffer, while
 * digesting the whole body; a byte of look-ahead tells whether a chunk is the last. The buffer grows
 * only as far as the first chunk needs, so a small body costs a small buffer.
 */
final class S3BodyChunks {

  private final PushbackInputStream body;
  private final int chunkBytes;
  private final MessageDigest md5 = digest("MD5");
  private final Optional<MessageDigest> sha256;
  private byte[] buffer;
  private long size;

  /**
   * A chunk: the first {@code length} bytes of {@code buffer}, valid until the next chunk is read.
   *
   * @param md5 the MD5 of the chunk alone
   */
  record Chunk(byte[] buffer, int length, byte[] md5, boolean last) {}

  /** Reads {@code body} in chunks of {@code chunkBytes}, digesting it with SHA-256 too if {@code sha256}. */
  S3BodyChunks(InputStream body, int chunkBytes, boolean sha256) {
    this.body = new PushbackInputStream(body, 1);
    this.chunkBytes = chunkBytes;
    this.sha256 = sha256 ? Optional.of(digest("SHA-256")) : Optional.empty();
  }

  /**
   * Reads the next chunk, which is empty only if the whole body is.
   *
   * @throws dev.outbound.binding.BindingLimitException if the body grows past {@link ObjectLimits#MAX_UPLOAD_BYTES}
   */
  Chunk next() throws IOException {
    int length;
    if (buffer == null) {
      buffer = body.readNBytes(chunkBytes);
      length = buffer.length;
    } else {
      length = body.readNBytes(buffer, 0, chunkBytes);
    }
    size += length;
    ObjectLimits.checkUploadSize(size);
    md5.update(buffer, 0, length);
    sha256.ifPresent(digest -> digest.update(buffer, 0, length));
    MessageDigest chunkMd5 = digest("MD5");
    chunkMd5.update(buffer, 0, length);
    int following = body.read();
    if (following >= 0) {
      body.unread(following);
    }
    return new Chunk(buffer, length, chunkMd5.digest(), following < 0);
  }

  /** Returns the bytes read so far. */
  long size() {
    return size;
  }

  /** Returns the MD5 of the body; call once, after the last chunk. */
  byte[] md5() {
    return md5.digest();
  }

  /** Returns the SHA-256 of the body if asked for; call once, after the last chunk. */
  Optional<byte[]> sha256() {
    return sha256.map(MessageDigest::digest);
  }

  static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has " + algorithm, e);
    }
  }
}
