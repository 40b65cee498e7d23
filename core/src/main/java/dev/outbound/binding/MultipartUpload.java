package dev.outbound.binding;

import java.io.InputStream;
import java.util.List;

/**
 * A multipart upload in progress, as R2's and S3's: parts of 5 MiB or more (except the last) are
 * uploaded, then completed into one object or aborted. Methods on an upload that was completed,
 * aborted or never existed throw {@link IllegalStateException}.
 */
public interface MultipartUpload {

  /** Returns the key the object will be stored under. */
  String key();

  /** Returns the id that {@link ObjectBucket#resumeMultipartUpload} takes. */
  String uploadId();

  /**
   * Streams {@code body} as part {@code partNumber}, replacing an earlier part of that number.
   *
   * @throws BindingLimitException if the part number is not 1..10000 or the body over {@link
   *     ObjectLimits#MAX_UPLOAD_BYTES}
   */
  UploadedPart uploadPart(int partNumber, InputStream body);

  /**
   * Joins {@code parts}, in ascending part number order, into the object, replacing any object
   * under the key.
   *
   * @throws IllegalArgumentException if a part is unknown, out of order, or under 5 MiB and not the
   *     last
   */
  ObjectInfo complete(List<UploadedPart> parts);

  /** Discards the upload and its parts. */
  void abort();
}
