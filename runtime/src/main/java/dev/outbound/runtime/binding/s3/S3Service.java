package dev.outbound.runtime.binding.s3;

import dev.outbound.binding.BindingLimitException;
import dev.outbound.binding.Conditions;
import dev.outbound.binding.HttpMetadata;
import dev.outbound.binding.ListOptions;
import dev.outbound.binding.ObjectInfo;
import dev.outbound.runtime.binding.BindingUnavailableException;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The S3 calls of one bucket, each answering in the binding's terms: a missing object is empty, a
 * failed precondition is empty or a {@link Read} case, a missing upload is {@link IllegalStateException},
 * and an unreachable service is {@link BindingUnavailableException} (see {@link S3Calls}).
 */
final class S3Service implements AutoCloseable {

  /**
   * The slowest transfer a call that sends a body may make without failing: it gets the call timeout
   * plus a second for each this many bytes, so a large part is not cut off by a timeout meant for a head.
   */
  static final long SLOWEST_UPLOAD_BYTES_PER_SECOND = 1024 * 1024;

  private final S3Client client;
  private final String bucket;
  private final Duration callTimeout;
  private final S3Calls calls;

  S3Service(S3Client client, String bucket, Duration callTimeout) {
    this.client = client;
    this.bucket = bucket;
    this.callTimeout = callTimeout;
    this.calls = new S3Calls(bucket);
  }

  /** What a read found. */
  sealed interface Read {

    /** The object, its body or the requested range of it streaming in the response. */
    record Found(ResponseInputStream<GetObjectResponse> response) implements Read {}

    /** No object under the key. */
    record Missing() implements Read {}

    /** The object failed the conditions sent with the read (304 or 412). */
    record ConditionFailed() implements Read {}

    /** The object passed the conditions sent, but the range lies outside it (416). */
    record RangeNotSatisfiable() implements Read {}
  }

  /** What a write stored: its etag, and when the service answered, for want of the upload time. */
  record Written(String etag, Instant answeredAt) {}

  Optional<ObjectInfo> head(String key) {
    String action = "read " + key;
    try {
      return Optional.of(S3Metadata.fromHead(key,
          calls.run(action, () -> client.headObject(request -> request.bucket(bucket).key(key)))));
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw calls.refused(action, e);
    }
  }

  /**
   * Reads the object under {@code key}, or the {@code range} of it, if it passes those {@code conditions}
   * that {@link S3ReadConditions} sends; the caller closes the body of what it found.
   */
  Read read(String key, Optional<String> range, Conditions conditions) {
    String action = "read " + key;
    GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key).range(range.orElse(null));
    S3ReadConditions.applyTo(request, conditions);
    try {
      return new Read.Found(calls.run(action, () -> client.getObject(request.build())));
    } catch (S3Exception e) {
      return switch (e.statusCode()) {
        case 404 -> new Read.Missing();
        case 304, 412 -> new Read.ConditionFailed();
        case 416 -> new Read.RangeNotSatisfiable();
        default -> throw calls.refused(action, e);
      };
    }
  }

  /**
   * Reads back the object a write just stored as {@code etag}, for what the write's answer lacks;
   * empty if another write replaced it meanwhile or the read failed, since the write itself succeeded.
   */
  Optional<ObjectInfo> readBack(String key, String etag) {
    try {
      return head(key).filter(info -> info.etag().equals(etag));
    } catch (BindingUnavailableException | IllegalStateException unreadable) {
      return Optional.empty();
    }
  }

  /**
   * Stores the first {@code length} bytes of {@code body}, whose MD5 is {@code md5}, under {@code key};
   * empty if the service refused the write for its {@code precondition}.
   */
  Optional<Written> put(String key, byte[] body, int length, byte[] md5, HttpMetadata httpMetadata,
      Map<String, String> customMetadata, S3WritePrecondition precondition) {
    String action = "write " + key;
    PutObjectRequest.Builder request = PutObjectRequest.builder()
        .bucket(bucket)
        .key(key)
        .contentLength((long) length)
        .contentMD5(base64(md5))
        .overrideConfiguration(override -> override.apiCallTimeout(bodyTimeout(length)));
    S3Metadata.applyTo(request, httpMetadata, customMetadata);
    precondition.applyTo(request);
    try {
      PutObjectResponse response =
          calls.run(action, () -> client.putObject(request.build(), bytes(body, length)));
      return Optional.of(new Written(S3Metadata.etag(response.eTag()), S3Metadata.answeredAt(response)));
    } catch (S3Exception e) {
      if (isPreconditionFailure(precondition, e)) {
        return Optional.empty();
      }
      checkMetadataSize(e);
      throw calls.refused(action, e);
    }
  }

  /** Starts a multipart upload to {@code key} of an object with this metadata, and returns its id. */
  String createUpload(String key, HttpMetadata httpMetadata, Map<String, String> customMetadata) {
    String action = "start a multipart upload to " + key;
    CreateMultipartUploadRequest.Builder request = CreateMultipartUploadRequest.builder().bucket(bucket).key(key);
    S3Metadata.applyTo(request, httpMetadata, customMetadata);
    try {
      return calls.run(action, () -> client.createMultipartUpload(request.build())).uploadId();
    } catch (S3Exception e) {
      checkMetadataSize(e);
      throw calls.refused(action, e);
    }
  }

  /** Uploads the first {@code length} bytes of {@code body}, whose MD5 is {@code md5}, as a part; returns its etag. */
  String uploadPart(String key, String uploadId, int partNumber, byte[] body, int length, byte[] md5) {
    return uploadPart(key, uploadId, partNumber, bytes(body, length), length, md5);
  }

  /** Uploads {@code body} of {@code length} bytes, whose MD5 is {@code md5}, as a part; returns its etag. */
  String uploadPart(String key, String uploadId, int partNumber, RequestBody body, long length, byte[] md5) {
    String action = "upload part " + partNumber + " of upload " + uploadId + " to " + key;
    try {
      return S3Metadata.etag(calls.run(action, () -> client.uploadPart(request -> request
          .bucket(bucket)
          .key(key)
          .uploadId(uploadId)
          .partNumber(partNumber)
          .contentLength(length)
          .contentMD5(base64(md5))
          .overrideConfiguration(override -> override.apiCallTimeout(bodyTimeout(length))), body)).eTag());
    } catch (S3Exception e) {
      throw uploadFailure(action, key, uploadId, e);
    }
  }

  /** Returns the parts uploaded so far, in part number order. */
  List<Part> parts(String key, String uploadId) {
    String action = "list the parts of upload " + uploadId + " to " + key;
    try {
      return calls.run(action, () -> client.listPartsPaginator(request -> request
          .bucket(bucket).key(key).uploadId(uploadId)).parts().stream().toList());
    } catch (S3Exception e) {
      throw uploadFailure(action, key, uploadId, e);
    }
  }

  /** Joins {@code parts} into the object; empty if the service refused it for its {@code precondition}. */
  Optional<Written> complete(String key, String uploadId, List<CompletedPart> parts, S3WritePrecondition precondition) {
    String action = "complete upload " + uploadId + " to " + key;
    CompleteMultipartUploadRequest.Builder request = CompleteMultipartUploadRequest.builder()
        .bucket(bucket)
        .key(key)
        .uploadId(uploadId)
        .multipartUpload(upload -> upload.parts(parts));
    precondition.applyTo(request);
    try {
      CompleteMultipartUploadResponse response =
          calls.run(action, () -> client.completeMultipartUpload(request.build()));
      return Optional.of(new Written(S3Metadata.etag(response.eTag()), S3Metadata.answeredAt(response)));
    } catch (S3Exception e) {
      if (!isNoSuchUpload(e) && isPreconditionFailure(precondition, e)) {
        return Optional.empty();
      }
      throw uploadFailure(action, key, uploadId, e);
    }
  }

  /** Returns whether the service lists an upload {@code uploadId} to {@code key}. */
  boolean uploadExists(String key, String uploadId) {
    String action = "list the multipart uploads to " + key;
    try {
      return calls.run(action, () -> client.listMultipartUploadsPaginator(request -> request.bucket(bucket).prefix(key))
          .uploads().stream()
          .anyMatch(upload -> upload.key().equals(key) && upload.uploadId().equals(uploadId)));
    } catch (S3Exception e) {
      throw calls.refused(action, e);
    }
  }

  /** Discards an upload and its parts. */
  void abort(String key, String uploadId) {
    String action = "abort upload " + uploadId + " to " + key;
    try {
      calls.run(action, () -> client.abortMultipartUpload(request -> request
          .bucket(bucket).key(key).uploadId(uploadId)));
    } catch (S3Exception e) {
      throw uploadFailure(action, key, uploadId, e);
    }
  }

  void delete(String key) {
    String action = "delete " + key;
    try {
      calls.run(action, () -> client.deleteObject(request -> request.bucket(bucket).key(key)));
    } catch (S3Exception e) {
      throw calls.refused(action, e);
    }
  }

  /** Deletes up to 1000 {@code keys} in one call, S3's limit and the binding's. */
  void delete(Collection<String> keys) {
    String action = "delete " + keys.size() + " objects";
    List<ObjectIdentifier> objects =
        keys.stream().distinct().map(key -> ObjectIdentifier.builder().key(key).build()).toList();
    DeleteObjectsResponse response;
    try {
      response = calls.run(action, () -> client.deleteObjects(request -> request
          .bucket(bucket)
          .delete(delete -> delete.objects(objects).quiet(true))));
    } catch (S3Exception e) {
      throw calls.refused(action, e);
    }
    if (!response.errors().isEmpty()) {
      S3Error first = response.errors().get(0);
      throw calls.unavailable(action, response.errors().size() + " were not deleted, such as " + first.key()
          + " (" + first.code() + ", " + first.message() + ")");
    }
  }

  /**
   * Lists one page of objects.
   *
   * @throws IllegalArgumentException if the service rejects the cursor
   */
  ListObjectsV2Response list(ListOptions options) {
    String action = "list objects";
    try {
      return calls.run(action, () -> client.listObjectsV2(request -> request
          .bucket(bucket)
          .prefix(options.prefix().orElse(null))
          .delimiter(options.delimiter().orElse(null))
          .continuationToken(options.cursor().orElse(null))
          .maxKeys(options.limit())));
    } catch (S3Exception e) {
      if (e.statusCode() == 400 && options.cursor().isPresent()) {
        throw new IllegalArgumentException(
            "the list cursor is not one this bucket returned: " + options.cursor().get(), e);
      }
      throw calls.refused(action, e);
    }
  }

  @Override
  public void close() {
    client.close();
  }

  private Duration bodyTimeout(long bytes) {
    return callTimeout.plusSeconds(bytes / SLOWEST_UPLOAD_BYTES_PER_SECOND);
  }

  /** Returns the exception for an upload that was completed, aborted or never created. */
  static IllegalStateException noSuchUpload(String key, String uploadId, Throwable cause) {
    return new IllegalStateException(
        "no multipart upload " + uploadId + " to " + key + "; it was completed, aborted or never created", cause);
  }

  private RuntimeException uploadFailure(String action, String key, String uploadId, S3Exception e) {
    return isNoSuchUpload(e) ? noSuchUpload(key, uploadId, e) : calls.refused(action, e);
  }

  /** Rejects metadata within the binding's limit that the service finds too large once encoded as headers. */
  private static void checkMetadataSize(S3Exception e) {
    if ("MetadataTooLarge".equals(S3Calls.errorCode(e))) {
      throw new BindingLimitException("custom metadata is over the S3 service's limit once encoded as headers");
    }
  }

  private static boolean isNoSuchUpload(S3Exception e) {
    return e.statusCode() == 404 && !"NoSuchKey".equals(S3Calls.errorCode(e));
  }

  /**
   * Whether a write was refused because the object changed since its conditions were checked: 412, or
   * 409 when another conditional write raced it, or 404 when {@code If-Match} named an object since deleted.
   */
  private static boolean isPreconditionFailure(S3WritePrecondition precondition, S3Exception e) {
    int status = e.statusCode();
    return !precondition.equals(S3WritePrecondition.NONE) && (status == 412 || status == 409 || status == 404);
  }

  private static RequestBody bytes(byte[] body, int length) {
    return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(body, 0, length), length,
        "application/octet-stream");
  }

  private static String base64(byte[] md5) {
    return Base64.getEncoder().encodeToString(md5);
  }
}
