package dev.outbound.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpMetadataTest {

  @Test
  void eachWitherSetsItsOwnHeader() {
    Instant expiry = Instant.parse("2026-04-01T00:00:00Z");
    HttpMetadata metadata =
        HttpMetadata.empty()
            .withContentType("text/plain")
            .withContentLanguage("en")
            .withContentDisposition("attachment")
            .withContentEncoding("gzip")
            .withCacheControl("no-store")
            .withCacheExpiry(expiry);
    assertEquals(
        new HttpMetadata(
            Optional.of("text/plain"),
            Optional.of("en"),
            Optional.of("attachment"),
            Optional.of("gzip"),
            Optional.of("no-store"),
            Optional.of(expiry)),
        metadata);
  }
}
