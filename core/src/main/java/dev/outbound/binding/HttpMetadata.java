package dev.outbound.binding;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** HTTP headers stored with an object and served with it, as in R2's {@code httpMetadata}. */
public record HttpMetadata(
    Optional<String> contentType,
    Optional<String> contentLanguage,
    Optional<String> contentDisposition,
    Optional<String> contentEncoding,
    Optional<String> cacheControl,
    Optional<Instant> cacheExpiry) {

  /** Requires every component. */
  public HttpMetadata {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(contentLanguage, "contentLanguage");
    Objects.requireNonNull(contentDisposition, "contentDisposition");
    Objects.requireNonNull(contentEncoding, "contentEncoding");
    Objects.requireNonNull(cacheControl, "cacheControl");
    Objects.requireNonNull(cacheExpiry, "cacheExpiry");
  }

  /** Returns metadata with no headers set. */
  public static HttpMetadata empty() {
    return new HttpMetadata(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** Returns a copy with {@code Content-Type} set. */
  public HttpMetadata withContentType(String value) {
    return new HttpMetadata(
        Optional.of(value),
        contentLanguage,
        contentDisposition,
        contentEncoding,
        cacheControl,
        cacheExpiry);
  }

  /** Returns a copy with {@code Content-Language} set. */
  public HttpMetadata withContentLanguage(String value) {
    return new HttpMetadata(
        contentType,
        Optional.of(value),
        contentDisposition,
        contentEncoding,
        cacheControl,
        cacheExpiry);
  }

  /** Returns a copy with {@code Content-Disposition} set. */
  public HttpMetadata withContentDisposition(String value) {
    return new HttpMetadata(
        contentType,
        contentLanguage,
        Optional.of(value),
        contentEncoding,
        cacheControl,
        cacheExpiry);
  }

  /** Returns a copy with {@code Content-Encoding} set. */
  public HttpMetadata withContentEncoding(String value) {
    return new HttpMetadata(
        contentType,
        contentLanguage,
        contentDisposition,
        Optional.of(value),
        cacheControl,
        cacheExpiry);
  }

  /** Returns a copy with {@code Cache-Control} set. */
  public HttpMetadata withCacheControl(String value) {
    return new HttpMetadata(
        contentType,
        contentLanguage,
        contentDisposition,
        contentEncoding,
        Optional.of(value),
        cacheExpiry);
  }

  /** Returns a copy with the {@code Expires} time set. */
  public HttpMetadata withCacheExpiry(Instant value) {
    return new HttpMetadata(
        contentType,
        contentLanguage,
        contentDisposition,
        contentEncoding,
        cacheControl,
        Optional.of(value));
  }
}
