package dev.outbound.runtime.binding.s3;

import dev.outbound.runtime.binding.BindingUnavailableException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Runs calls to the S3 service of one bucket and sorts their failures: the service being out of reach,
 * slow, overloaded or refusing this server becomes {@link BindingUnavailableException}; other errors it
 * answers are left for the caller to interpret, and become {@link IllegalStateException} if it cannot.
 */
final class S3Calls {

  private final String bucket;

  S3Calls(String bucket) {
    this.bucket = bucket;
  }

  /**
   * Runs {@code call}, which does {@code action} (such as "read key"), and returns its result.
   *
   * @throws BindingUnavailableException if the service could not be reached or did not serve the call
   * @throws S3Exception if the service answered with another error, such as 404 or 412
   */
  <T> T run(String action, Supplier<T> call) {
    try {
      return call.get();
    } catch (S3Exception e) {
      if (isOutage(e)) {
        throw unavailable(action, e);
      }
      throw e;
    } catch (SdkClientException e) {
      // The request got no answer: no connection, a timeout, or credentials the SDK could not find.
      throw unavailable(action, e);
    }
  }

  /** Returns the exception for an error the caller has no meaning for, which retrying will not fix. */
  IllegalStateException refused(String action, S3Exception e) {
    return new IllegalStateException("S3 bucket " + bucket + " refused to " + action + ": " + describe(e), e);
  }

  /** Returns the exception for a service that could not do {@code action}, with the reason in {@code message}. */
  BindingUnavailableException unavailable(String action, String message) {
    return new BindingUnavailableException("S3 bucket " + bucket + " could not " + action + ": " + message, null);
  }

  private BindingUnavailableException unavailable(String action, RuntimeException e) {
    String reason = e instanceof S3Exception s3 ? describe(s3) : e.getMessage();
    return new BindingUnavailableException(
        "S3 bucket " + bucket + " is unavailable, so it could not " + action + ": " + reason, e);
  }

  /** Server errors, throttling, refused credentials and a missing bucket: nothing the request itself got wrong. */
  private static boolean isOutage(S3Exception e) {
    int status = e.statusCode();
    return status >= 500 || status == 401 || status == 403 || status == 429 || "NoSuchBucket".equals(errorCode(e));
  }

  private static String describe(S3Exception e) {
    String code = errorCode(e);
    String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
    return "HTTP " + e.statusCode() + (code == null ? "" : " " + code) + (message == null ? "" : ", " + message);
  }

  static String errorCode(S3Exception e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }
}
