package dev.outbound.binding;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * Preconditions of a read or write, as R2's {@code onlyIf} and HTTP's {@code If-*} headers. Etag
 * values may be quoted, comma-separated lists, or {@code *} for any object; times are compared to
 * the whole second, as HTTP dates are.
 */
public record Conditions(
    Optional<String> etagMatches,
    Optional<String> etagDoesNotMatch,
    Optional<Instant> uploadedBefore,
    Optional<Instant> uploadedAfter) {

  /** Requires every component. */
  public Conditions {
    Objects.requireNonNull(etagMatches, "etagMatches");
    Objects.requireNonNull(etagDoesNotMatch, "etagDoesNotMatch");
    Objects.requireNonNull(uploadedBefore, "uploadedBefore");
    Objects.requireNonNull(uploadedAfter, "uploadedAfter");
  }

  /** Returns conditions that always pass. */
  public static Conditions none() {
    return new Conditions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Reads the four conditional request headers, each null when absent; an invalid date is ignored,
   * as RFC 9110 requires. Pass {@code ifModifiedSince} only for GET and HEAD.
   */
  public static Conditions fromHttpHeaders(
      String ifMatch, String ifNoneMatch, String ifModifiedSince, String ifUnmodifiedSince) {
    return new Conditions(
        Optional.ofNullable(ifMatch).filter(value -> !value.isBlank()),
        Optional.ofNullable(ifNoneMatch).filter(value -> !value.isBlank()),
        parseHttpDate(ifUnmodifiedSince),
        parseHttpDate(ifModifiedSince));
  }

  /** Returns a copy that passes only if the object's etag is one of {@code etags}. */
  public Conditions withEtagMatches(String etags) {
    return new Conditions(Optional.of(etags), etagDoesNotMatch, uploadedBefore, uploadedAfter);
  }

  /**
   * Returns a copy that passes only if the object's etag is none of {@code etags}; {@code *} means
   * only if there is no object.
   */
  public Conditions withEtagDoesNotMatch(String etags) {
    return new Conditions(etagMatches, Optional.of(etags), uploadedBefore, uploadedAfter);
  }

  /**
   * Returns a copy that passes only if the object was uploaded at or before {@code time} ({@code
   * If-Unmodified-Since}).
   */
  public Conditions withUploadedBefore(Instant time) {
    return new Conditions(etagMatches, etagDoesNotMatch, Optional.of(time), uploadedAfter);
  }

  /**
   * Returns a copy that passes only if the object was uploaded after {@code time} ({@code
   * If-Modified-Since}).
   */
  public Conditions withUploadedAfter(Instant time) {
    return new Conditions(etagMatches, etagDoesNotMatch, uploadedBefore, Optional.of(time));
  }

  /**
   * Returns whether the conditions pass for {@code current}, in RFC 9110's order: an etag match
   * (strong comparison) overrides {@code uploadedBefore}, an etag non-match (weak) overrides {@code
   * uploadedAfter}.
   */
  public boolean test(ObjectInfo current) {
    long uploaded = current.uploaded().getEpochSecond();
    if (etagMatches.isPresent()) {
      if (!listContains(etagMatches.get(), current.etag(), false)) {
        return false;
      }
    } else if (uploadedBefore.isPresent() && uploaded > uploadedBefore.get().getEpochSecond()) {
      return false;
    }
    if (etagDoesNotMatch.isPresent()) {
      return !listContains(etagDoesNotMatch.get(), current.etag(), true);
    }
    return uploadedAfter.isEmpty() || uploaded > uploadedAfter.get().getEpochSecond();
  }

  /**
   * Returns whether the conditions pass when there is no object: only if no etag match is required.
   */
  public boolean testMissing() {
    return etagMatches.isEmpty();
  }

  /**
   * Whether a list of entity tags holds {@code etag} or {@code *}; weak tags count only in a weak
   * comparison.
   */
  private static boolean listContains(String tags, String etag, boolean weakComparison) {
    int i = 0;
    while (i < tags.length()) {
      char c = tags.charAt(i);
      if (c == ',' || c == ' ' || c == '\t') {
        i++;
        continue;
      }
      boolean weak = tags.startsWith("W/", i);
      if (weak) {
        i += 2;
      }
      boolean quoted = i < tags.length() && tags.charAt(i) == '"';
      int end = quoted ? tags.indexOf('"', i + 1) : tags.indexOf(',', i);
      if (end < 0) {
        end = tags.length();
      }
      String tag = quoted ? tags.substring(i + 1, end) : tags.substring(i, end).strip();
      i = quoted ? end + 1 : end;
      boolean wildcard = !quoted && !weak && tag.equals("*");
      if (wildcard || ((weakComparison || !weak) && tag.equals(etag))) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Instant> parseHttpDate(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.strip(), Instant::from));
    } catch (DateTimeException invalid) {
      return Optional.empty();
    }
  }
}
