package dev.outbound.runtime.binding.s3;

import dev.outbound.binding.HttpMetadata;
import dev.outbound.binding.MultipartUpload;
import dev.outbound.binding.ObjectInfo;
import dev.outbound.binding.ObjectLimits;
import dev.outbound.binding.UploadedPart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Part;

/**
 * A multipart upload of an {@link S3Bucket}, which is an S3 multipart upload of the same id, bound
 * to its key. Some services, s3proxy among them, take parts for uploads that ended or never
 * existed, so a resumed handle first makes sure the service lists its upload, once, and a handle
 * that completed or aborted its upload refuses further calls itself. Completion first lists the
 * parts, to reject a bad part list with the same message as every backend before asking S3 to join
 * them.
 */
final class S3Upload implements MultipartUpload {

  /** What this handle knows of its upload. */
  private enum Known {
    NOTHING,
    EXISTS,
    ENDED
  }

  private final S3Service service;
  private final String key;
  private final String uploadId;
  private final AtomicReference<Known> known;

  private S3Upload(S3Service service, String key, String uploadId, Known known) {
    this.service = service;
    this.key = key;
    this.uploadId = uploadId;
    this.known = new AtomicReference<>(known);
  }

  /** Returns a handle on an upload just created. */
  static S3Upload created(S3Service service, String key, String uploadId) {
    return new S3Upload(service, key, uploadId, Known.EXISTS);
  }

  /** Returns a handle on an upload that may or may not exist. */
  static S3Upload resumed(S3Service service, String key, String uploadId) {
    return new S3Upload(service, key, uploadId, Known.NOTHING);
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
    requireOpen();
    try (S3SpooledPart part = S3SpooledPart.copyOf(body)) {
      String etag =
          service.uploadPart(
              key, uploadId, partNumber, part.requestBody(), part.size(), part.md5());
      return new UploadedPart(partNumber, etag);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read part " + partNumber + " of upload " + uploadId, e);
    }
  }

  @Override
  public ObjectInfo complete(List<UploadedPart> parts) {
    requireOpen();
    Map<Integer, Part> stored =
        service.parts(key, uploadId).stream()
            .collect(Collectors.toMap(Part::partNumber, Function.identity()));
    long size = checkParts(parts, stored);
    List<CompletedPart> completed =
        parts.stream()
            .map(
                part ->
                    CompletedPart.builder()
                        .partNumber(part.partNumber())
                        .eTag('"' + part.etag() + '"')
                        .build())
            .toList();
    S3Service.Written written =
        service.complete(key, uploadId, completed, S3WritePrecondition.NONE).orElseThrow();
    known.set(Known.ENDED);
    // Read back for the metadata the upload was created with; if the object was replaced at once,
    // it is unknown.
    return service
        .readBack(key, written.etag())
        .orElseGet(
            () ->
                new ObjectInfo(
                    key,
                    size,
                    written.etag(),
                    written.answeredAt(),
                    HttpMetadata.empty(),
                    Map.of(),
                    Optional.empty()));
  }

  @Override
  public void abort() {
    requireOpen();
    service.abort(key, uploadId);
    known.set(Known.ENDED);
  }

  private void requireOpen() {
    Known now = known.get();
    if (now == Known.NOTHING && service.uploadExists(key, uploadId)) {
      known.compareAndSet(Known.NOTHING, Known.EXISTS);
    } else if (now != Known.EXISTS) {
      throw S3Service.noSuchUpload(key, uploadId, null);
    }
  }

  /**
   * The total size of {@code parts}, once ObjectLimits has checked the list against the stored
   * parts.
   */
  private long checkParts(List<UploadedPart> parts, Map<Integer, Part> stored) {
    return ObjectLimits.checkCompletion(
            uploadId, parts, stored::get, Part::size, part -> S3Metadata.etag(part.eTag()))
        .stream()
        .mapToLong(Part::size)
        .sum();
  }
}
