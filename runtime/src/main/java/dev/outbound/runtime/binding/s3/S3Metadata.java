package dev.outbound.runtime.binding.s3;

import dev.outbound.binding.HttpMetadata;
import dev.outbound.binding.ObjectInfo;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Maps what the binding knows of an object to S3's request and response fields and back: HTTP metadata
 * to the headers of the same names, custom metadata to {@code x-amz-meta-*}, the etag without its
 * quotes, and {@code uploaded} from {@code Last-Modified}, which S3 keeps to the second.
 */
final class S3Metadata {

  /**
   * The {@code Content-Type} of an object put without one. S3 services answer a type for every object,
   * so this one marks the type as unset, while other S3 clients see what HTTP assumes of an untyped body.
   */
  static final String UNSET_CONTENT_TYPE = "application/octet-stream; outbound-content-type=unset";

  private S3Metadata() {}

  /**
   * Checks that every HTTP metadata value can travel as a header: printable ASCII and tabs (a file name
   * beyond ASCII goes in {@code Content-Disposition}'s RFC 6266 {@code filename*} parameter).
   *
   * @throws IllegalArgumentException if a value has another character
   */
  static void checkHttpMetadata(HttpMetadata metadata) {
    checkHeaderValue("Content-Type", metadata.contentType());
    checkHeaderValue("Content-Language", metadata.contentLanguage());
    checkHeaderValue("Content-Disposition", metadata.contentDisposition());
    checkHeaderValue("Content-Encoding", metadata.contentEncoding());
    checkHeaderValue("Cache-Control", metadata.cacheControl());
  }

  /** Sets the metadata of a put. */
  static void applyTo(PutObjectRequest.Builder request, HttpMetadata http, Map<String, String> custom) {
    request.contentType(http.contentType().orElse(UNSET_CONTENT_TYPE))
        .contentLanguage(http.contentLanguage().orElse(null))
        .contentDisposition(http.contentDisposition().orElse(null))
        .contentEncoding(http.contentEncoding().orElse(null))
        .cacheControl(http.cacheControl().orElse(null))
        .expires(http.cacheExpiry().orElse(null))
        .metadata(encode(custom));
  }

  /** Sets the metadata of the object a multipart upload will complete into. */
  static void applyTo(CreateMultipartUploadRequest.Builder request, HttpMetadata http, Map<String, String> custom) {
    request.contentType(http.contentType().orElse(UNSET_CONTENT_TYPE))
        .contentLanguage(http.contentLanguage().orElse(null))
        .contentDisposition(http.contentDisposition().orElse(null))
        .contentEncoding(http.contentEncoding().orElse(null))
        .cacheControl(http.cacheControl().orElse(null))
        .expires(http.cacheExpiry().orElse(null))
        .metadata(encode(custom));
  }

  /** Returns the info a {@code HeadObject} answered. */
  static ObjectInfo fromHead(String key, HeadObjectResponse head) {
    HttpMetadata http = httpMetadata(head.contentType(), head.contentLanguage(), head.contentDisposition(),
        head.contentEncoding(), head.cacheControl(), head.expiresString());
    return new ObjectInfo(key, head.contentLength(), etag(head.eTag()), uploaded(head.lastModified()), http,
        decode(head.metadata()), Optional.empty());
  }

  /** Returns the info a {@code GetObject} answered, with the range it served if it was ranged. */
  static ObjectInfo fromGet(String key, GetObjectResponse get) {
    HttpMetadata http = httpMetadata(get.contentType(), get.contentLanguage(), get.contentDisposition(),
        get.contentEncoding(), get.cacheControl(), get.expiresString());
    Optional<S3Ranges.ServedRange> served = S3Ranges.parseContentRange(get.contentRange());
    long size = served.map(S3Ranges.ServedRange::objectSize).orElse(get.contentLength());
    return new ObjectInfo(key, size, etag(get.eTag()), uploaded(get.lastModified()), http, decode(get.metadata()),
        served.map(S3Ranges.ServedRange::range));
  }

  /** Returns the info a list holds, which has no metadata. */
  static ObjectInfo fromListing(S3Object object) {
    return new ObjectInfo(object.key(), object.size(), etag(object.eTag()), uploaded(object.lastModified()),
        HttpMetadata.empty(), Map.of(), Optional.empty());
  }

  /**
   * Returns an etag as the binding keeps it, without the quotes S3 sends.
   *
   * @throws IllegalStateException if the service sent none
   */
  static String etag(String quoted) {
    if (quoted == null || quoted.isEmpty()) {
      throw new IllegalStateException("the S3 service answered without an ETag");
    }
    return quoted.length() >= 2 && quoted.startsWith("\"") && quoted.endsWith("\"")
        ? quoted.substring(1, quoted.length() - 1)
        : quoted;
  }

  /** Returns when the service answered, from its {@code Date} header, or now if it sent none. */
  static Instant answeredAt(SdkResponse response) {
    return response.sdkHttpResponse().firstMatchingHeader("Date")
        .flatMap(S3Metadata::parseHttpDate)
        .orElseGet(() -> uploaded(Instant.now()));
  }

  /** Truncates to the second, as S3 answers {@code Last-Modified}, so heads, gets and lists agree. */
  private static Instant uploaded(Instant lastModified) {
    return lastModified.truncatedTo(ChronoUnit.SECONDS);
  }

  private static HttpMetadata httpMetadata(String contentType, String contentLanguage, String contentDisposition,
      String contentEncoding, String cacheControl, String expires) {
    return new HttpMetadata(
        Optional.ofNullable(contentType).filter(type -> !type.equals(UNSET_CONTENT_TYPE)),
        Optional.ofNullable(contentLanguage),
        Optional.ofNullable(contentDisposition),
        Optional.ofNullable(contentEncoding),
        Optional.ofNullable(cacheControl),
        Optional.ofNullable(expires).flatMap(S3Metadata::parseHttpDate));
  }

  private static Map<String, String> encode(Map<String, String> custom) {
    Map<String, String> encoded = new LinkedHashMap<>();
    custom.forEach((name, value) -> encoded.put(name, S3MetadataValues.encode(value)));
    return encoded;
  }

  private static Map<String, String> decode(Map<String, String> metadata) {
    Map<String, String> decoded = new LinkedHashMap<>();
    // Header names are case-insensitive, so a service may answer them in any case; the binding's are lowercase.
    metadata.forEach((name, value) -> decoded.put(name.toLowerCase(Locale.ROOT), S3MetadataValues.decode(value)));
    return decoded;
  }

  private static void checkHeaderValue(String header, Optional<String> value) {
    if (value.isPresent() && !value.get().chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f))) {
      throw new IllegalArgumentException(
          header + " must be printable ASCII to be stored in S3, got \"" + value.get() + "\"");
    }
  }

  /** Parses an HTTP date; an invalid one, which RFC 9110 says to ignore, is empty. */
  private static Optional<Instant> parseHttpDate(String value) {
    try {
      return Optional.of(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.strip(), Instant::from));
    } catch (DateTimeException invalid) {
      return Optional.empty();
    }
  }
}
