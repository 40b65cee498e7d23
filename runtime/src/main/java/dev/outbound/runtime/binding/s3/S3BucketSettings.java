package dev.outbound.runtime.binding.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an {@link S3Bucket} keeps its objects and how it reaches them.
 *
 * @param bucket the S3 bucket, which must exist
 * @param region the signing region, such as {@code us-east-1}, or {@code auto} for Cloudflare R2
 * @param endpoint the service's URL for a service other than AWS S3; when empty, the SDK's
 *     {@code AWS_ENDPOINT_URL_S3} or {@code AWS_ENDPOINT_URL} variable, or else AWS S3 in the region
 * @param pathStyle whether to address the bucket in the path ({@code endpoint/bucket/key}), as MinIO,
 *     Ceph and s3proxy usually need, rather than in the host name
 * @param credentials fixed credentials; when empty, the SDK's default chain (the variables
 *     {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY}, {@code ~/.aws} profiles, web identity,
 *     then container and EC2 instance metadata)
 * @param callTimeout the longest a call may take, retries included, before the bucket reports the service
 *     unavailable; calls that send a body get longer in proportion to its size (see {@link S3Bucket})
 * @param conditionalWrites whether the service honours {@code If-Match} and {@code If-None-Match} on
 *     writes (AWS S3, R2, MinIO and s3proxy do); without them a conditional put checks, then writes
 */
public record S3BucketSettings(
    String bucket,
    String region,
    Optional<URI> endpoint,
    boolean pathStyle,
    Optional<StaticCredentials> credentials,
    Duration callTimeout,
    boolean conditionalWrites) {

  /** The call timeout unless set otherwise. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException if the bucket or region is blank, the endpoint is not an http or
   *     https URL without a path, or the call timeout is not positive
   */
  public S3BucketSettings {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(callTimeout, "callTimeout");
    if (bucket.isBlank() || region.isBlank()) {
      throw new IllegalArgumentException("an S3 bucket needs a bucket name and a region");
    }
    endpoint.ifPresent(S3BucketSettings::checkEndpoint);
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("the S3 call timeout must be positive, got " + callTimeout);
    }
  }

  /** Returns settings for {@code bucket} on AWS S3 in {@code region}, with the defaults described above. */
  public static S3BucketSettings of(String bucket, String region) {
    return new S3BucketSettings(bucket, region, Optional.empty(), false, Optional.empty(), DEFAULT_CALL_TIMEOUT, true);
  }

  /** Returns a copy that reaches the service at {@code endpoint}. */
  public S3BucketSettings withEndpoint(URI endpoint) {
    return new S3BucketSettings(
        bucket, region, Optional.of(endpoint), pathStyle, credentials, callTimeout, conditionalWrites);
  }

  /** Returns a copy that addresses the bucket in the path when {@code pathStyle} is true. */
  public S3BucketSettings withPathStyle(boolean pathStyle) {
    return new S3BucketSettings(bucket, region, endpoint, pathStyle, credentials, callTimeout, conditionalWrites);
  }

  /** Returns a copy that signs requests with these fixed credentials. */
  public S3BucketSettings withCredentials(String accessKeyId, String secretAccessKey) {
    return new S3BucketSettings(bucket, region, endpoint, pathStyle,
        Optional.of(new StaticCredentials(accessKeyId, secretAccessKey)), callTimeout, conditionalWrites);
  }

  /** Returns a copy whose calls fail after {@code callTimeout}. */
  public S3BucketSettings withCallTimeout(Duration callTimeout) {
    return new S3BucketSettings(bucket, region, endpoint, pathStyle, credentials, callTimeout, conditionalWrites);
  }

  /** Returns a copy that sends conditional writes to the service only if {@code conditionalWrites} is true. */
  public S3BucketSettings withConditionalWrites(boolean conditionalWrites) {
    return new S3BucketSettings(bucket, region, endpoint, pathStyle, credentials, callTimeout, conditionalWrites);
  }

  private static void checkEndpoint(URI endpoint) {
    boolean http = "http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme());
    String path = endpoint.getPath();
    if (!http || endpoint.getHost() == null || (path != null && !path.isEmpty() && !path.equals("/"))) {
      throw new IllegalArgumentException("an S3 endpoint is an http or https URL without a path, got " + endpoint);
    }
  }

  /** An access key and its secret, which {@link #toString()} leaves out. */
  public record StaticCredentials(String accessKeyId, String secretAccessKey) {

    /**
     * Checks both are given.
     *
     * @throws IllegalArgumentException if either is blank
     */
    public StaticCredentials {
      Objects.requireNonNull(accessKeyId, "accessKeyId");
      Objects.requireNonNull(secretAccessKey, "secretAccessKey");
      if (accessKeyId.isBlank() || secretAccessKey.isBlank()) {
        throw new IllegalArgumentException("S3 credentials need an access key id and a secret access key");
      }
    }

    @Override
    public String toString() {
      return "StaticCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=(hidden)]";
    }
  }
}
