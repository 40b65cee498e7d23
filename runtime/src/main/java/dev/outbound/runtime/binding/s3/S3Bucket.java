package dev.outbound.runtime.binding.s3;

import dev.outbound.binding.ByteRange;
import dev.outbound.binding.Conditions;
import dev.outbound.binding.GetOptions;
import dev.outbound.binding.ListOptions;
import dev.outbound.binding.MultipartUpload;
import dev.outbound.binding.ObjectBucket;
import dev.outbound.binding.ObjectInfo;
import dev.outbound.binding.ObjectLimits;
import dev.outbound.binding.ObjectList;
import dev.outbound.binding.PutOptions;
import dev.outbound.binding.RangeNotSatisfiableException;
import dev.outbound.binding.ResolvedRange;
import dev.outbound.binding.StoredObject;
import dev.outbound.runtime.binding.BindingUnavailableException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * An object bucket in a bucket of any S3-compatible service: AWS S3, Cloudflare R2, MinIO, Ceph or
 * s3proxy. Objects, metadata and multipart uploads are S3's own, so other S3 clients can share them.
 *
 * <p>Bodies stream both ways. A get streams the service's response. A put reads its body in 8 MiB parts,
 * one at a time: a body that fits is one {@code PutObject}, a larger one a multipart upload completed
 * at the end (see {@link S3Put}); a part of a multipart upload is copied to a temp file first, since S3
 * needs its length. Checksums are checked before anything is written.
 *
 * <p>When the service is down or slow, every call fails with {@link BindingUnavailableException}: a
 * connection gets 2 seconds, a call {@link S3BucketSettings#callTimeout()} with retries, and a call
 * that sends a body a second more per MiB. Nothing is cached, so calls work again as soon as the
 * service is back.
 *
 * <p>What differs from the embedded bucket:
 * <ul>
 *   <li>{@code uploaded} is to the second, as S3's {@code Last-Modified} is; conditions compare whole
 *       seconds anyway.
 *   <li>A put over 8 MiB is stored as a multipart upload, so its etag is S3's {@code md5-of-md5s-N}
 *       rather than the body's MD5.
 *   <li>Each write is followed by a {@code HeadObject} for the upload time, which S3's write answers
 *       lack; a conditional put is preceded by one to judge its conditions (see below).
 *   <li>HTTP metadata must be printable ASCII, since S3 keeps it as headers. Custom metadata may be
 *       any text: values that headers cannot carry travel RFC 2047-encoded. A put without
 *       {@code Content-Type} stores {@link S3Metadata#UNSET_CONTENT_TYPE}, which reads as no type.
 *   <li>A conditional read sends S3 the etag conditions it can judge exactly, and judges the rest
 *       itself on the response, whose body it then drops; a failed condition costs a
 *       {@code HeadObject} for the info of the object without body.
 *   <li>A conditional put judges its conditions on a {@code HeadObject}, then writes with
 *       {@code If-Match} of the etag it judged, or {@code If-None-Match: *} if there was no object, so
 *       a write that raced it is refused and the put returns empty as though its conditions failed.
 *       With {@link S3BucketSettings#conditionalWrites()} off, for services without conditional
 *       writes, nothing guards the moment between the check and the write.
 *   <li>Keys are listed in the service's order: UTF-8 byte order on AWS S3 and R2, as the binding
 *       requires; a service that orders otherwise lists otherwise.
 *   <li>A resumed multipart upload lists the uploads under its key once, on first use, since some
 *       services (s3proxy among them) take parts for uploads that ended or never existed.
 *   <li>A failed put or upload may leave parts behind if the service is down when it is aborted;
 *       S3's lifecycle rule for incomplete multipart uploads removes them. Unlike R2, uploads do not
 *       expire unless such a rule says so.
 *   <li>A write that times out after it was sent may or may not have been done; it is reported as not
 *       done, never the other way round.
 * </ul>
 */
public final class S3Bucket implements ObjectBucket, AutoCloseable {

  private final S3Service service;
  private final S3Put puts;
  private final boolean conditionalWrites;

  private S3Bucket(S3Service service, boolean conditionalWrites) {
    this.service = service;
    this.puts = new S3Put(service);
    this.conditionalWrites = conditionalWrites;
  }

  /**
   * Opens the bucket {@code settings} describe. Nothing is sent until the first call, so a bucket
   * opens while the service is down, and its calls fail until it is back.
   */
  public static S3Bucket open(S3BucketSettings settings) {
    S3Service service = new S3Service(S3Clients.create(settings), settings.bucket(), settings.callTimeout());
    return new S3Bucket(service, settings.conditionalWrites());
  }

  @Override
  public Optional<ObjectInfo> head(String key) {
    ObjectLimits.checkKey(key);
    return service.head(key);
  }

  @Override
  public Optional<StoredObject> get(String key, GetOptions options) {
    ObjectLimits.checkKey(key);
    Optional<String> range = options.range().flatMap(S3Ranges::header);
    if (options.range().isPresent() && range.isEmpty()) {
      return refuseRange(key, options);
    }
    return read(key, options, range, options.onlyIf());
  }

  /** Reads the object, sending the service the conditions {@code sent}; {@code options} judge the answer. */
  private Optional<StoredObject> read(String key, GetOptions options, Optional<String> range, Conditions sent) {
    return switch (service.read(key, range, sent)) {
      case S3Service.Read.Found found -> Optional.of(served(key, options, found.response()));
      case S3Service.Read.Missing missing -> Optional.empty();
      case S3Service.Read.ConditionFailed failed -> service.head(key).flatMap(info -> options.onlyIf().test(info)
          // The object changed since the service judged it; read it again, judging the answer here.
          ? read(key, options, range, Conditions.none())
          : Optional.of(withoutBody(info)));
      case S3Service.Read.RangeNotSatisfiable unsatisfiable -> refuseRange(key, options);
    };
  }

  private static StoredObject served(String key, GetOptions options, ResponseInputStream<GetObjectResponse> response) {
    ObjectInfo info = S3Metadata.fromGet(key, response.response());
    if (!options.onlyIf().test(info)) {
      // Aborting drops the connection rather than reading a body nobody wants.
      response.abort();
      return withoutBody(new ObjectInfo(info.key(), info.size(), info.etag(), info.uploaded(),
          info.httpMetadata(), info.customMetadata(), Optional.empty()));
    }
    if (options.range().isPresent() && info.range().isEmpty()) {
      return new StoredObject(wholeObjectAsRange(options.range().get(), info, response), Optional.of(response));
    }
    return new StoredObject(info, Optional.of(response));
  }

  /**
   * Records the range served when the service sent the whole object for a ranged read, as RFC 9110 lets
   * it; that is an answer only if the range asks for the whole object.
   */
  private static ObjectInfo wholeObjectAsRange(
      ByteRange range, ObjectInfo info, ResponseInputStream<GetObjectResponse> response) {
    try {
      ResolvedRange resolved = range.resolve(info.size());
      if (resolved.length() != info.size()) {
        throw new IllegalStateException("the S3 service ignored the range " + range + " of " + info.key());
      }
      return info.withRange(resolved);
    } catch (RuntimeException unanswered) {
      response.abort();
      throw unanswered;
    }
  }

  /** Answers a range outside the object: the object without body if it fails the conditions, else the error. */
  private Optional<StoredObject> refuseRange(String key, GetOptions options) {
    ByteRange range = options.range().orElseThrow();
    return service.head(key).map(info -> {
      if (!options.onlyIf().test(info)) {
        return withoutBody(info);
      }
      throw new RangeNotSatisfiableException(range, info.size());
    });
  }

  private static StoredObject withoutBody(ObjectInfo info) {
    return new StoredObject(info, Optional.empty());
  }

  @Override
  public Optional<ObjectInfo> put(String key, InputStream body, PutOptions options) {
    ObjectLimits.checkKey(key);
    S3Metadata.checkHttpMetadata(options.httpMetadata());
    return precondition(key, options.onlyIf()).flatMap(precondition -> puts.write(key, body, options, precondition));
  }

  /**
   * Judges a put's conditions against the current object, and returns what the write must send so
   * that the service refuses it if the object changes before then; empty if the conditions fail.
   */
  private Optional<S3WritePrecondition> precondition(String key, Conditions onlyIf) {
    if (onlyIf.equals(Conditions.none())) {
      return Optional.of(S3WritePrecondition.NONE);
    }
    Optional<ObjectInfo> current = service.head(key);
    if (!current.map(onlyIf::test).orElseGet(onlyIf::testMissing)) {
      return Optional.empty();
    }
    if (!conditionalWrites) {
      return Optional.of(S3WritePrecondition.NONE);
    }
    return Optional.of(current.map(info -> S3WritePrecondition.replacing(info.etag()))
        .orElseGet(S3WritePrecondition::creating));
  }

  @Override
  public void delete(String key) {
    ObjectLimits.checkKey(key);
    service.delete(key);
  }

  @Override
  public void delete(Collection<String> keys) {
    ObjectLimits.checkDelete(keys);
    if (!keys.isEmpty()) {
      service.delete(keys);
    }
  }

  @Override
  public ObjectList list(ListOptions options) {
    ListObjectsV2Response page = service.list(options);
    boolean truncated = Boolean.TRUE.equals(page.isTruncated());
    return new ObjectList(
        page.contents().stream().map(S3Metadata::fromListing).toList(),
        page.commonPrefixes().stream().map(CommonPrefix::prefix).toList(),
        truncated,
        truncated ? Optional.ofNullable(page.nextContinuationToken()) : Optional.empty());
  }

  @Override
  public MultipartUpload createMultipartUpload(String key, PutOptions options) {
    ObjectLimits.checkKey(key);
    boolean hasChecksum = options.md5Hex().isPresent() || options.sha256Hex().isPresent();
    if (!options.onlyIf().equals(Conditions.none()) || hasChecksum) {
      throw new IllegalArgumentException("a multipart upload takes metadata only, not conditions or checksums");
    }
    S3Metadata.checkHttpMetadata(options.httpMetadata());
    return S3Upload.created(service, key, service.createUpload(key, options.httpMetadata(), options.customMetadata()));
  }

  @Override
  public MultipartUpload resumeMultipartUpload(String key, String uploadId) {
    ObjectLimits.checkKey(key);
    return S3Upload.resumed(service, key, uploadId);
  }

  /** Closes the connections to the service; the bucket must not be used afterwards. */
  @Override
  public void close() {
    service.close();
  }
}
