package dev.outbound.runtime.binding.s3;

import dev.outbound.binding.ObjectInfo;
import dev.outbound.binding.PutOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Streams a body of unknown length to S3 with one buffer of {@link #PART_BYTES}: a body that fits is one
 * {@code PutObject}; a larger one becomes a multipart upload of parts that size, which S3 makes visible
 * only when completed, and which is aborted if anything fails first. Checksums the caller gave are
 * checked before the object is written or completed, so a mismatch writes nothing.
 */
final class S3Put {

  /** Part size of a large put, and so the memory one put holds. */
  static final int PART_BYTES = 8 * 1024 * 1024;

  private static final System.Logger LOG = System.getLogger(S3Put.class.getName());
  private static final HexFormat HEX = HexFormat.of();

  private final S3Service service;

  S3Put(S3Service service) {
    this.service = service;
  }

  /** Writes {@code body} under {@code key}; empty if the service refused it for its {@code precondition}. */
  Optional<ObjectInfo> write(String key, InputStream body, PutOptions options, S3WritePrecondition precondition) {
    S3BodyChunks chunks = new S3BodyChunks(body, PART_BYTES, options.sha256Hex().isPresent());
    S3BodyChunks.Chunk first = read(chunks, key);
    Optional<S3Service.Written> written;
    if (first.last()) {
      checkChecksums(options, chunks);
      written = service.put(key, first.buffer(), first.length(), first.md5(),
          options.httpMetadata(), options.customMetadata(), precondition);
    } else {
      written = writeInParts(key, chunks, first, options, precondition);
    }
    return written.map(stored -> new ObjectInfo(key, chunks.size(), stored.etag(), uploaded(key, stored),
        options.httpMetadata(), options.customMetadata(), Optional.empty()));
  }

  private Optional<S3Service.Written> writeInParts(String key, S3BodyChunks chunks, S3BodyChunks.Chunk first,
      PutOptions options, S3WritePrecondition precondition) {
    String uploadId = service.createUpload(key, options.httpMetadata(), options.customMetadata());
    Optional<S3Service.Written> written = Optional.empty();
    try {
      List<CompletedPart> parts = new ArrayList<>();
      S3BodyChunks.Chunk chunk = first;
      while (true) {
        int partNumber = parts.size() + 1;
        String etag = service.uploadPart(key, uploadId, partNumber, chunk.buffer(), chunk.length(), chunk.md5());
        parts.add(CompletedPart.builder().partNumber(partNumber).eTag('"' + etag + '"').build());
        if (chunk.last()) {
          break;
        }
        chunk = read(chunks, key);
      }
      checkChecksums(options, chunks);
      written = service.complete(key, uploadId, parts, precondition);
      return written;
    } finally {
      if (written.isEmpty()) {
        abortQuietly(key, uploadId);
      }
    }
  }

  /** Returns the object's upload time, which S3 answers only to a read, or else when the write was answered. */
  private Instant uploaded(String key, S3Service.Written stored) {
    return service.readBack(key, stored.etag()).map(ObjectInfo::uploaded).orElse(stored.answeredAt());
  }

  private void abortQuietly(String key, String uploadId) {
    try {
      service.abort(key, uploadId);
    } catch (RuntimeException e) {
      // The parts stay until a lifecycle rule for incomplete uploads removes them; the object was never written.
      LOG.log(Level.WARNING, "cannot abort the upload " + uploadId + " of a failed put to " + key, e);
    }
  }

  private static S3BodyChunks.Chunk read(S3BodyChunks chunks, String key) {
    try {
      return chunks.next();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the body of a put to " + key, e);
    }
  }

  private static void checkChecksums(PutOptions options, S3BodyChunks chunks) {
    checkDigest("MD5", options.md5Hex(), chunks.md5());
    if (options.sha256Hex().isPresent()) {
      checkDigest("SHA-256", options.sha256Hex(), chunks.sha256().orElseThrow());
    }
  }

  private static void checkDigest(String algorithm, Optional<String> expectedHex, byte[] actual) {
    String actualHex = HEX.formatHex(actual);
    if (expectedHex.isPresent() && !expectedHex.get().equals(actualHex)) {
      throw new IllegalArgumentException("body " + algorithm + " is " + actualHex
          + " but the put expected " + expectedHex.get() + "; nothing was written");
    }
  }
}
