package dev.outbound.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ObjectInfoTest {

  private static ObjectInfo info(long size, String etag, Optional<ResolvedRange> range) {
    return new ObjectInfo("k", size, etag, Instant.EPOCH, HttpMetadata.empty(), Map.of(), range);
  }

  @Test
  void httpEtagIsQuoted() {
    assertEquals(
        "\"d41d8cd98f00b204e9800998ecf8427e\"",
        info(0, "d41d8cd98f00b204e9800998ecf8427e", Optional.empty()).httpEtag());
  }

  @Test
  void quotedOrEmptyEtagsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> info(0, "\"abc\"", Optional.empty()));
    assertThrows(IllegalArgumentException.class, () -> info(0, "", Optional.empty()));
  }

  @Test
  void negativeSizeIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> info(-1, "abc", Optional.empty()));
  }

  @Test
  void servedRangeMustLieInsideTheObject() {
    assertEquals(
        Optional.of(new ResolvedRange(90, 10)),
        info(100, "abc", Optional.empty()).withRange(new ResolvedRange(90, 10)).range());
    assertThrows(
        IllegalArgumentException.class,
        () -> info(100, "abc", Optional.of(new ResolvedRange(90, 11))));
  }

  @Test
  void customMetadataIsCopied() {
    Map<String, String> metadata = new HashMap<>(Map.of("owner", "ana"));
    ObjectInfo info =
        new ObjectInfo(
            "k", 0, "abc", Instant.EPOCH, HttpMetadata.empty(), metadata, Optional.empty());
    metadata.put("owner", "bob");
    assertEquals(Map.of("owner", "ana"), info.customMetadata());
    assertThrows(UnsupportedOperationException.class, () -> info.customMetadata().put("x", "y"));
  }
}
