package dev.outbound.binding;

import java.io.InputStream;
import java.util.Collection;
import java.util.Optional;

/**
 * An R2-like object bucket. Keys are 1..1024 UTF-8 bytes; bodies stream, so any size uses bounded
 * memory; a put is atomic, readers see the old object or the new one (see {@link ObjectLimits}).
 */
public interface ObjectBucket {

  /** Returns the info of the object under {@code key}, or empty if there is none. */
  Optional<ObjectInfo> head(String key);

  /**
   * Returns the whole object under {@code key}, or empty if there is none; close it after reading.
   */
  default Optional<StoredObject> get(String key) {
    return get(key, GetOptions.none());
  }

  /**
   * Returns the object under {@code key}, or empty if there is none; its body is absent when {@code
   * onlyIf} fails, and otherwise holds the requested range, which {@link ObjectInfo#range()}
   * records.
   *
   * @throws RangeNotSatisfiableException if the conditions pass but the range lies outside the
   *     object
   */
  Optional<StoredObject> get(String key, GetOptions options);

  /**
   * Streams {@code body} to {@code key}, replacing any object there; returns empty, writing
   * nothing, when {@code onlyIf} fails against the current object.
   *
   * @throws BindingLimitException if the key is too long or the body over {@link
   *     ObjectLimits#MAX_UPLOAD_BYTES}
   * @throws IllegalArgumentException if the body does not match a given checksum; nothing is
   *     written
   */
  Optional<ObjectInfo> put(String key, InputStream body, PutOptions options);

  /** Streams {@code body} to {@code key} unconditionally, replacing any object there. */
  default ObjectInfo put(String key, InputStream body) {
    return put(key, body, PutOptions.none()).orElseThrow();
  }

  /** Deletes the object under {@code key}; deleting a missing object does nothing. */
  void delete(String key);

  /**
   * Deletes the objects under up to 1000 {@code keys}, skipping missing ones.
   *
   * @throws BindingLimitException if there are more than 1000 keys
   */
  void delete(Collection<String> keys);

  /** Lists objects in UTF-8 byte order of their keys, one page at a time as {@code options} say. */
  ObjectList list(ListOptions options);

  /**
   * Starts a multipart upload to {@code key} whose completed object gets the metadata in {@code
   * options}.
   *
   * @throws IllegalArgumentException if {@code options} has conditions or checksums, which
   *     multipart uploads do not take
   */
  MultipartUpload createMultipartUpload(String key, PutOptions options);

  /**
   * Returns a handle on the upload {@code uploadId} to {@code key} without checking that it exists.
   */
  MultipartUpload resumeMultipartUpload(String key, String uploadId);
}
