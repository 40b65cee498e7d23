package dev.outbound.runtime.binding.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3BucketSettingsTest {

  @Test
  void defaultsToAwsWithTheDefaultCredentialChain() {
    S3BucketSettings settings = S3BucketSettings.of("photos", "eu-west-1");

    assertEquals(Optional.empty(), settings.endpoint());
    assertFalse(settings.pathStyle());
    assertEquals(Optional.empty(), settings.credentials());
    assertEquals(S3BucketSettings.DEFAULT_CALL_TIMEOUT, settings.callTimeout());
    assertTrue(settings.conditionalWrites());
  }

  @Test
  void toStringLeavesOutTheSecret() {
    String text = S3BucketSettings.of("photos", "auto").withCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI").toString();

    assertTrue(text.contains("AKIDEXAMPLE"), text);
    assertFalse(text.contains("wJalrXUtnFEMI"), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://s3.example", "http://s3.example/bucket", "s3.example:9000"})
  void endpointsAreHttpUrlsWithoutAPath(String endpoint) {
    S3BucketSettings settings = S3BucketSettings.of("photos", "auto");

    assertThrows(IllegalArgumentException.class, () -> settings.withEndpoint(URI.create(endpoint)));
    settings.withEndpoint(URI.create("https://account.r2.cloudflarestorage.com"));
  }

  @Test
  void blankNamesAndNonPositiveTimeoutsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> S3BucketSettings.of(" ", "auto"));
    assertThrows(IllegalArgumentException.class, () -> S3BucketSettings.of("photos", ""));
    assertThrows(IllegalArgumentException.class,
        () -> S3BucketSettings.of("photos", "auto").withCallTimeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> S3BucketSettings.of("photos", "auto").withCredentials("key", " "));
  }
}
