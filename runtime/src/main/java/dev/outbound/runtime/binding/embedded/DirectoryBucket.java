package dev.outbound.runtime.binding.embedded;

import dev.outbound.binding.Conditions;
import dev.outbound.binding.GetOptions;
import dev.outbound.binding.HttpMetadata;
import dev.outbound.binding.ListOptions;
import dev.outbound.binding.MultipartUpload;
import dev.outbound.binding.ObjectBucket;
import dev.outbound.binding.ObjectInfo;
import dev.outbound.binding.ObjectLimits;
import dev.outbound.binding.ObjectList;
import dev.outbound.binding.PutOptions;
import dev.outbound.binding.ResolvedRange;
import dev.outbound.binding.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;

/**
 * An object bucket in a local directory (see {@link DirectoryBucketLayout} for the files). A put
 * streams the body to a temp file, forces it to disk and renames it over the object's file, so
 * readers see the old object or the new one and an acknowledged put survives a crash.
 *
 * <p>Keys are listed from an index in memory, rebuilt at open by reading every object file, that
 * costs about 200 bytes per object plus its key. One bucket at a time may have a directory open,
 * since that index is not shared. Unlike R2, which aborts multipart uploads after seven days,
 * uploads stay until they are completed or aborted.
 */
public final class DirectoryBucket implements ObjectBucket, AutoCloseable {

  private static final System.Logger LOG = System.getLogger(DirectoryBucket.class.getName());
  private static final HexFormat HEX = HexFormat.of();
  private static final int LOCK_STRIPES = 64;

  private final DirectoryBucketLayout layout;
  private final FileChannel ownerLockFile;
  private final DirectoryBucketIndex index = new DirectoryBucketIndex();
  private final DirectoryBucketLocks keyLocks = new DirectoryBucketLocks(LOCK_STRIPES);
  private final DirectoryBucketLocks uploadLocks = new DirectoryBucketLocks(LOCK_STRIPES);

  private DirectoryBucket(DirectoryBucketLayout layout, FileChannel ownerLockFile) {
    this.layout = layout;
    this.ownerLockFile = ownerLockFile;
  }

  /**
   * Opens the bucket in {@code root}, creating it if needed, deleting what a crash left
   * half-written, and reading every object's info into the index.
   *
   * @throws IllegalStateException if another bucket, in this process or another, has {@code root}
   *     open
   * @throws UncheckedIOException if the directory cannot be read or written
   */
  public static DirectoryBucket open(Path root) {
    try {
      DirectoryBucketLayout layout = DirectoryBucketLayout.create(root);
      FileChannel ownerLockFile = lockOwnership(layout);
      DirectoryBucket bucket = new DirectoryBucket(layout, ownerLockFile);
      try {
        layout.removeLeftovers();
        bucket.loadIndex();
      } catch (IOException | RuntimeException e) {
        ownerLockFile.close();
        throw e;
      }
      return bucket;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open bucket directory " + root, e);
    }
  }

  private static FileChannel lockOwnership(DirectoryBucketLayout layout) throws IOException {
    FileChannel file =
        FileChannel.open(layout.ownerLock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = file.tryLock();
    } catch (OverlappingFileLockException heldInThisProcess) {
      lock = null;
    }
    if (lock == null) {
      file.close();
      throw new IllegalStateException(
          "bucket directory " + layout.root() + " is already open in another bucket");
    }
    return file;
  }

  private void loadIndex() throws IOException {
    for (Path file : layout.objectFiles()) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        index.put(DirectoryBucketObjectFile.readInfo(channel));
      } catch (IOException unreadable) {
        LOG.log(Level.WARNING, "skipping unreadable object file " + file, unreadable);
      }
    }
  }

  @Override
  public Optional<ObjectInfo> head(String key) {
    ObjectLimits.checkKey(key);
    Optional<FileChannel> file = openObject(key);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try (FileChannel channel = file.get()) {
      return Optional.of(DirectoryBucketObjectFile.readInfo(channel));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read object " + key, e);
    }
  }

  @Override
  public Optional<StoredObject> get(String key, GetOptions options) {
    ObjectLimits.checkKey(key);
    Optional<FileChannel> file = openObject(key);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    FileChannel channel = file.get();
    boolean bodyOwnsChannel = false;
    try {
      ObjectInfo info = DirectoryBucketObjectFile.readInfo(channel);
      if (!options.onlyIf().test(info)) {
        return Optional.of(new StoredObject(info, Optional.empty()));
      }
      Optional<ResolvedRange> range =
          options.range().map(requested -> requested.resolve(info.size()));
      long offset = range.map(ResolvedRange::offset).orElse(0L);
      long length = range.map(ResolvedRange::length).orElse(info.size());
      InputStream body = new DirectoryBucketBodyStream(channel, offset, length);
      bodyOwnsChannel = true;
      return Optional.of(
          new StoredObject(range.map(info::withRange).orElse(info), Optional.of(body)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read object " + key, e);
    } finally {
      if (!bodyOwnsChannel) {
        closeReadOnly(channel);
      }
    }
  }

  @Override
  public Optional<ObjectInfo> put(String key, InputStream body, PutOptions options) {
    ObjectLimits.checkKey(key);
    try (DirectoryBucketTempFile temp = DirectoryBucketTempFile.create(layout.newTempFile())) {
      DirectoryBucketTempFile.Digests digests =
          temp.copyFrom(body, options.sha256Hex().isPresent());
      checkDigest("MD5", options.md5Hex(), Optional.of(digests.md5()));
      checkDigest("SHA-256", options.sha256Hex(), digests.sha256());
      return publish(
          key,
          temp,
          digests.size(),
          HEX.formatHex(digests.md5()),
          options.httpMetadata(),
          options.customMetadata(),
          options.onlyIf());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write object " + key, e);
    }
  }

  /**
   * Rejects the body if a checksum was given and differs; {@code actual} is present whenever one
   * was.
   */
  private static void checkDigest(
      String algorithm, Optional<String> expectedHex, Optional<byte[]> actual) {
    if (expectedHex.isEmpty()) {
      return;
    }
    String actualHex = HEX.formatHex(actual.orElseThrow());
    if (!expectedHex.get().equals(actualHex)) {
      throw new IllegalArgumentException(
          "body "
              + algorithm
              + " is "
              + actualHex
              + " but the put expected "
              + expectedHex.get()
              + "; nothing was written");
    }
  }

  /**
   * Publishes a temp file holding a body of {@code size} bytes as the object under {@code key}, if
   * the current object passes {@code onlyIf}. Holding the key's lock from the test to the rename
   * makes a conditional put atomic with respect to other writes of the key.
   */
  Optional<ObjectInfo> publish(
      String key,
      DirectoryBucketTempFile temp,
      long size,
      String etag,
      HttpMetadata httpMetadata,
      Map<String, String> customMetadata,
      Conditions onlyIf)
      throws IOException {
    // The body goes to disk before the lock, which then covers only the small info and the rename.
    temp.forceBody();
    Lock lock = keyLocks.forName(key);
    lock.lock();
    try {
      Optional<ObjectInfo> current = index.get(key);
      if (!current.map(onlyIf::test).orElseGet(onlyIf::testMissing)) {
        return Optional.empty();
      }
      // Milliseconds, as R2 and S3 report upload times.
      Instant uploaded = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      ObjectInfo info =
          new ObjectInfo(key, size, etag, uploaded, httpMetadata, customMetadata, Optional.empty());
      temp.finish(info);
      layout.publishObject(temp.path(), key);
      index.put(info);
      return Optional.of(info);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void delete(String key) {
    ObjectLimits.checkKey(key);
    Lock lock = keyLocks.forName(key);
    lock.lock();
    try {
      layout.delete(layout.objectFile(key));
      index.remove(key);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete object " + key, e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void delete(Collection<String> keys) {
    ObjectLimits.checkDelete(keys);
    keys.forEach(this::delete);
  }

  @Override
  public ObjectList list(ListOptions options) {
    return index.list(options);
  }

  @Override
  public MultipartUpload createMultipartUpload(String key, PutOptions options) {
    ObjectLimits.checkKey(key);
    boolean hasChecksum = options.md5Hex().isPresent() || options.sha256Hex().isPresent();
    if (!options.onlyIf().equals(Conditions.none()) || hasChecksum) {
      throw new IllegalArgumentException(
          "a multipart upload takes metadata only, not conditions or checksums");
    }
    try {
      return DirectoryBucketUpload.create(
          this, layout, uploadLocks, key, options.httpMetadata(), options.customMetadata());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a multipart upload to " + key, e);
    }
  }

  @Override
  public MultipartUpload resumeMultipartUpload(String key, String uploadId) {
    ObjectLimits.checkKey(key);
    return new DirectoryBucketUpload(this, layout, uploadLocks, key, uploadId);
  }

  /** Releases the directory for another bucket to open; this bucket must not be used afterwards. */
  @Override
  public void close() {
    try {
      ownerLockFile.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release bucket directory " + layout.root(), e);
    }
  }

  private Optional<FileChannel> openObject(String key) {
    try {
      return Optional.of(FileChannel.open(layout.objectFile(key), StandardOpenOption.READ));
    } catch (NoSuchFileException missing) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open object " + key, e);
    }
  }

  private static void closeReadOnly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing was written through it, so there is nothing a failed close could lose.
    }
  }
}
