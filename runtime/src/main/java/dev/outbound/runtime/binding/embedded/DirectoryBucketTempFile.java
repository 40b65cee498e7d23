package dev.outbound.runtime.binding.embedded;

import dev.outbound.binding.ObjectInfo;
import dev.outbound.binding.ObjectLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * An object file being written in the bucket's tmp directory, invisible to readers until it is
 * moved into place. Closing it deletes it unless it was moved.
 */
final class DirectoryBucketTempFile implements AutoCloseable {

  /** Large enough to keep syscalls few, small enough that a put of any size holds little memory. */
  private static final int COPY_BUFFER_BYTES = 64 * 1024;

  private final Path path;
  private final FileChannel channel;

  private DirectoryBucketTempFile(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /** The size and digests of a body copied in; {@code sha256} only when it was asked for. */
  record Digests(long size, byte[] md5, Optional<byte[]> sha256) {}

  static DirectoryBucketTempFile create(Path path) throws IOException {
    FileChannel channel =
        FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return new DirectoryBucketTempFile(path, channel);
  }

  Path path() {
    return path;
  }

  /**
   * Streams {@code body} to the end of the file through one small buffer, digesting it on the way.
   *
   * @throws dev.outbound.binding.BindingLimitException as soon as the body passes {@link
   *     ObjectLimits#MAX_UPLOAD_BYTES}
   */
  Digests copyFrom(InputStream body, boolean withSha256) throws IOException {
    MessageDigest md5 = digest("MD5");
    Optional<MessageDigest> sha256 = withSha256 ? Optional.of(digest("SHA-256")) : Optional.empty();
    byte[] buffer = new byte[COPY_BUFFER_BYTES];
    long size = 0;
    int read;
    while ((read = body.read(buffer)) != -1) {
      size += read;
      ObjectLimits.checkUploadSize(size);
      md5.update(buffer, 0, read);
      if (sha256.isPresent()) {
        sha256.get().update(buffer, 0, read);
      }
      writeFully(ByteBuffer.wrap(buffer, 0, read));
    }
    return new Digests(size, md5.digest(), sha256.map(MessageDigest::digest));
  }

  /**
   * Appends the first {@code length} bytes of {@code source}, copied by the kernel rather than
   * through the heap.
   */
  void append(FileChannel source, long length) throws IOException {
    long copied = 0;
    while (copied < length) {
      copied += source.transferTo(copied, length - copied, channel);
    }
  }

  /** Forces what was written so far to disk. */
  void forceBody() throws IOException {
    channel.force(false);
  }

  /** Appends {@code info} after the body, then forces both to disk so the file can be published. */
  void finish(ObjectInfo info) throws IOException {
    DirectoryBucketObjectFile.appendInfo(channel, info);
    channel.force(true);
    channel.close();
  }

  /** Closes the file and deletes it unless it has been moved into place. */
  @Override
  public void close() throws IOException {
    channel.close();
    Files.deleteIfExists(path);
  }

  private void writeFully(ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  /** Returns a new digest of {@code algorithm}, one that every Java platform has. */
  static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has " + algorithm, e);
    }
  }
}
