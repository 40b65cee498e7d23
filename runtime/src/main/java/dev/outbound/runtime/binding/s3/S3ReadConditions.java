package dev.outbound.runtime.binding.s3;

import dev.outbound.binding.Conditions;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/**
 * The conditions of a read that S3 can judge exactly as {@link Conditions#test} does, sent so that a
 * failing read costs no body: an {@code If-Match} or {@code If-None-Match} of one strong etag. S3's
 * headers take no lists or weak etags, and services compare dates differently (s3proxy to the
 * millisecond, though {@code Last-Modified} has only seconds), so the bucket judges the rest itself.
 */
final class S3ReadConditions {

  private S3ReadConditions() {}

  /** Adds the etag conditions S3 can judge to {@code request}. */
  static void applyTo(GetObjectRequest.Builder request, Conditions conditions) {
    conditions.etagMatches().flatMap(S3ReadConditions::singleStrongEtag).ifPresent(request::ifMatch);
    conditions.etagDoesNotMatch().flatMap(S3ReadConditions::singleStrongEtag).ifPresent(request::ifNoneMatch);
  }

  /** Returns {@code etags} quoted if it is one strong etag, not {@code *}, a list or a weak etag. */
  private static Optional<String> singleStrongEtag(String etags) {
    String tag = etags.strip();
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    boolean single = !tag.isEmpty() && tag.chars().noneMatch(c -> c == '"' || c == ',' || c <= ' ' || c >= 0x7f);
    return single && !tag.equals("*") && !tag.startsWith("W/") ? Optional.of('"' + tag + '"') : Optional.empty();
  }
}
