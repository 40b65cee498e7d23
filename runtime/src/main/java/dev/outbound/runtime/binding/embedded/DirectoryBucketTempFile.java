package dev.outbound.runtime.binding.embedded;

import dev.outbound.binding.ObjectInfo;
import java.io.IOException;
import java.io.InputStream;
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
   * Streams {@code body} to the end of the file, digesting it on the way, in bounded memory.
   *
   * @throws dev.outbound.binding.BindingLimitException as soon as the body passes {@link
   *     dev.outbound.binding.ObjectLimits#MAX_UPLOAD_BYTES}
   */
  Digests copyFrom(InputStream body, boolean withSha256) throws IOException {
    return DirectoryBucketBodyCopy.copy(body, channel, withSha256);
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

  /** Returns a new digest of {@code algorithm}, one that every Java platform has. */
  static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has " + algorithm, e);
    }
  }
}
