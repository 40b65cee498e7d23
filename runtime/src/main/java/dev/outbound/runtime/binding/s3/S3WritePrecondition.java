package dev.outbound.runtime.binding.s3;

import java.util.Optional;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * What a write sends so that the service refuses it, with 412, if the object is no longer the one the
 * bucket checked its conditions against: {@code If-Match} of its etag, or {@code If-None-Match: *} if
 * there was none.
 */
record S3WritePrecondition(Optional<String> ifMatch, Optional<String> ifNoneMatch) {

  /** Sends no precondition. */
  static final S3WritePrecondition NONE = new S3WritePrecondition(Optional.empty(), Optional.empty());

  /** Writes only over the object with {@code etag}. */
  static S3WritePrecondition replacing(String etag) {
    return new S3WritePrecondition(Optional.of('"' + etag + '"'), Optional.empty());
  }

  /** Writes only if there is no object. */
  static S3WritePrecondition creating() {
    return new S3WritePrecondition(Optional.empty(), Optional.of("*"));
  }

  void applyTo(PutObjectRequest.Builder request) {
    request.ifMatch(ifMatch.orElse(null)).ifNoneMatch(ifNoneMatch.orElse(null));
  }

  void applyTo(CompleteMultipartUploadRequest.Builder request) {
    request.ifMatch(ifMatch.orElse(null)).ifNoneMatch(ifNoneMatch.orElse(null));
  }
}
