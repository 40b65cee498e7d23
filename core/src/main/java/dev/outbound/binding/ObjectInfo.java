package dev.outbound.binding;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a bucket knows about a stored object, as R2's {@code R2Object}: {@code etag} is unquoted (an
 * MD5 hex, or S3's {@code hex-parts} after a multipart upload), and {@code range} is the range
 * served by a ranged read. Objects in a list carry empty HTTP and custom metadata, as S3 lists do.
 */
public record ObjectInfo(
    String key,
    long size,
    String etag,
    Instant uploaded,
    HttpMetadata httpMetadata,
    Map<String, String> customMetadata,
    Optional<ResolvedRange> range) {

  /**
   * Copies the custom metadata and checks the values fit together.
   *
   * @throws IllegalArgumentException if the size is negative, the etag empty or quoted, or the
   *     range past the end
   */
  public ObjectInfo {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(uploaded, "uploaded");
    Objects.requireNonNull(httpMetadata, "httpMetadata");
    Objects.requireNonNull(range, "range");
    customMetadata = Map.copyOf(customMetadata);
    if (size < 0) {
      throw new IllegalArgumentException("object size must not be negative, got " + size);
    }
    if (etag.isEmpty() || etag.indexOf('"') >= 0) {
      throw new IllegalArgumentException("etag must be non-empty and unquoted, got " + etag);
    }
    if (range.isPresent() && range.get().lastByte() >= size) {
      throw new IllegalArgumentException(
          "served range " + range.get() + " ends after the object's " + size + " bytes");
    }
  }

  /** Returns the etag in quotes, as the HTTP {@code ETag} header carries it. */
  public String httpEtag() {
    return '"' + etag + '"';
  }

  /** Returns a copy that records {@code range} as the range served. */
  public ObjectInfo withRange(ResolvedRange range) {
    return new ObjectInfo(
        key, size, etag, uploaded, httpMetadata, customMetadata, Optional.of(range));
  }
}
