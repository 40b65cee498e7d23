package dev.outbound.runtime.binding.s3;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.defaultsmode.DefaultsMode;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Builds the SDK client an {@link S3Bucket} uses, so that any S3-compatible service works and outages fail fast. */
final class S3Clients {

  /** A service that takes longer than this to accept a connection is treated as down. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  private S3Clients() {}

  static S3Client create(S3BucketSettings settings) {
    S3ClientBuilder builder = S3Client.builder()
        .region(Region.of(settings.region()))
        .forcePathStyle(settings.pathStyle())
        // Named explicitly, since AUTO may ask the EC2 instance metadata service where it runs.
        .defaultsMode(DefaultsMode.STANDARD)
        // Many S3-compatible services reject the SDK's newer CRC checksum headers; puts send Content-MD5.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .serviceConfiguration(S3Configuration.builder()
            // The JDK's HTTP client cannot read an error sent before "100 Continue", such as a conditional put's 412.
            .expectContinueEnabled(false)
            // Bodies are parts in memory or temp files, so they are signed whole rather than in aws-chunked
            // encoding, which some S3-compatible services lack and which copies every chunk.
            .chunkedEncodingEnabled(false)
            .build())
        // The JDK's own HTTP client streams both ways and needs no other library.
        .httpClientBuilder(UrlConnectionHttpClient.builder()
            .connectionTimeout(CONNECT_TIMEOUT)
            .socketTimeout(settings.callTimeout()))
        .overrideConfiguration(override -> override.apiCallTimeout(settings.callTimeout()));
    settings.endpoint().ifPresent(builder::endpointOverride);
    // Without fixed credentials the client uses, and closes, the SDK's default credentials chain.
    settings.credentials().ifPresent(fixed -> builder.credentialsProvider(StaticCredentialsProvider.create(
        AwsBasicCredentials.create(fixed.accessKeyId(), fixed.secretAccessKey()))));
    return builder.build();
  }
}
