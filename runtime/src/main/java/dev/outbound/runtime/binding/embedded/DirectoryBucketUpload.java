package dev.outbound.runtime.binding.embedded;

import dev.outbound.binding.Conditions;
import dev.outbound.binding.HttpMetadata;
import dev.outbound.binding.MultipartUpload;
import dev.outbound.binding.ObjectInfo;
import dev.outbound.binding.ObjectLimits;
import dev.outbound.binding.UploadedPart;
import dev.outbound.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;

/**
 * A multipart upload of a directory bucket, kept on disk under {@code uploads/<id>/} so it can be
 * resumed after a restart. Parts stream to temp files and are renamed into place; the upload's lock
 * covers only those renames, completion and abort, so parts upload in parallel.
 */
final class DirectoryBucketUpload implements MultipartUpload {

  private static final HexFormat HEX = HexFormat.of();

  private final DirectoryBucket bucket;
  private final DirectoryBucketLayout layout;
  private final Lock lock;
  private final String key;
  private final String uploadId;

  DirectoryBucketUpload(
      DirectoryBucket bucket,
      DirectoryBucketLayout layout,
      DirectoryBucketLocks uploadLocks,
      String key,
      String uploadId) {
    this.bucket = bucket;
    this.layout = layout;
    this.lock = uploadLocks.forName(uploadId);
    this.key = key;
    this.uploadId = uploadId;
  }

  /** Starts an upload: a new directory, then its manifest, which is what makes the upload exist. */
  static DirectoryBucketUpload create(
      DirectoryBucket bucket,
      DirectoryBucketLayout layout,
      DirectoryBucketLocks uploadLocks,
      String key,
      HttpMetadata httpMetadata,
      Map<String, String> customMetadata)
      throws IOException {
    String uploadId = DirectoryBucketLayout.newUploadId();
    Path directory = layout.uploadDirectory(uploadId).orElseThrow();
    layout.createUploadDirectory(directory);
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("key", key);
    manifest.put("httpMetadata", DirectoryBucketJson.httpMetadata(httpMetadata));
    manifest.put("customMetadata", customMetadata);
    Path temp = layout.newTempFile();
    try {
      Files.writeString(
          temp,
          Json.write(manifest),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE,
          StandardOpenOption.SYNC);
      layout.publish(temp, DirectoryBucketLayout.manifest(directory));
    } finally {
      Files.deleteIfExists(temp);
    }
    return new DirectoryBucketUpload(bucket, layout, uploadLocks, key, uploadId);
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public String uploadId() {
    return uploadId;
  }

  @Override
  public UploadedPart uploadPart(int partNumber, InputStream body) {
    ObjectLimits.checkPartNumber(partNumber);
    Path directory = existingDirectory();
    try (DirectoryBucketTempFile temp = DirectoryBucketTempFile.create(layout.newTempFile())) {
      DirectoryBucketTempFile.Digests digests = temp.copyFrom(body, false);
      String etag = HEX.formatHex(digests.md5());
      temp.finish(
          new ObjectInfo(
              key,
              digests.size(),
              etag,
              Instant.now(),
              HttpMetadata.empty(),
              Map.of(),
              Optional.empty()));
      lock.lock();
      try {
        existingDirectory();
        layout.publish(temp.path(), DirectoryBucketLayout.partFile(directory, partNumber));
      } finally {
        lock.unlock();
      }
      return new UploadedPart(partNumber, etag);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot store part " + partNumber + " of upload " + uploadId, e);
    }
  }

  @Override
  public ObjectInfo complete(List<UploadedPart> parts) {
    lock.lock();
    try {
      Path directory = existingDirectory();
      Map<String, Object> manifest = readManifest(directory).orElseThrow();
      List<StoredPart> storedParts = checkedParts(directory, parts);
      MessageDigest partDigests = DirectoryBucketTempFile.digest("MD5");
      long size = 0;
      try (DirectoryBucketTempFile temp = DirectoryBucketTempFile.create(layout.newTempFile())) {
        for (StoredPart part : storedParts) {
          try (FileChannel channel = FileChannel.open(part.file(), StandardOpenOption.READ)) {
            temp.append(channel, part.size());
          }
          size += part.size();
          partDigests.update(HEX.parseHex(part.etag()));
        }
        // S3's multipart etag: the MD5 of the parts' binary MD5s, then the part count.
        String etag = HEX.formatHex(partDigests.digest()) + "-" + parts.size();
        ObjectInfo info =
            bucket
                .publish(
                    key,
                    temp,
                    size,
                    etag,
                    DirectoryBucketJson.httpMetadata(manifest.get("httpMetadata")),
                    DirectoryBucketJson.customMetadata(manifest.get("customMetadata")),
                    Conditions.none())
                .orElseThrow();
        layout.deleteUpload(directory);
        return info;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot complete upload " + uploadId + " to " + key, e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void abort() {
    lock.lock();
    try {
      layout.deleteUpload(existingDirectory());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot abort upload " + uploadId + " to " + key, e);
    } finally {
      lock.unlock();
    }
  }

  /** A part file as stored, with the size and etag from its info. */
  private record StoredPart(Path file, long size, String etag) {}

  /** The parts of {@code parts} as stored, once ObjectLimits has checked the list against them. */
  private List<StoredPart> checkedParts(Path directory, List<UploadedPart> parts) {
    return ObjectLimits.checkCompletion(
        uploadId,
        parts,
        partNumber -> readPart(directory, partNumber),
        StoredPart::size,
        StoredPart::etag);
  }

  /** The stored part, or null when it was never uploaded. */
  private StoredPart readPart(Path directory, int partNumber) {
    Path file = DirectoryBucketLayout.partFile(directory, partNumber);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ObjectInfo info = DirectoryBucketObjectFile.readInfo(channel);
      return new StoredPart(file, info.size(), info.etag());
    } catch (NoSuchFileException missing) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read part " + partNumber + " of upload " + uploadId, e);
    }
  }

  /** Returns the upload's directory if the upload exists for this key. */
  private Path existingDirectory() {
    return layout
        .uploadDirectory(uploadId)
        .filter(
            directory ->
                readManifest(directory)
                    .map(manifest -> key.equals(manifest.get("key")))
                    .orElse(false))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no multipart upload "
                        + uploadId
                        + " to "
                        + key
                        + "; it was completed, aborted or never created"));
  }

  /** Reads the manifest of the upload in {@code directory}, or empty if there is none. */
  private static Optional<Map<String, Object>> readManifest(Path directory) {
    try {
      String json =
          Files.readString(DirectoryBucketLayout.manifest(directory), StandardCharsets.UTF_8);
      return Optional.of(Json.parseObject(json));
    } catch (NoSuchFileException missing) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the manifest of upload " + directory.getFileName(), e);
    }
  }
}
