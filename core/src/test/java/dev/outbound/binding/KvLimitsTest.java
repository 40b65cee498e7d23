package dev.outbound.binding;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KvLimitsTest {

  @Test
  void keysUpTo512BytesAreAccepted() {
    assertDoesNotThrow(() -> KvLimits.checkKey("k"));
    assertDoesNotThrow(() -> KvLimits.checkKey("k".repeat(512)));
    assertDoesNotThrow(() -> KvLimits.checkKey("é".repeat(256)));
    assertDoesNotThrow(() -> KvLimits.checkKey("..."));
  }

  @Test
  void keysOver512BytesAreRejectedWithTheLimitInTheMessage() {
    var tooLong =
        assertThrows(BindingLimitException.class, () -> KvLimits.checkKey("k".repeat(600)));
    assertEquals("KV key is 600 bytes; it must be 1 to 512", tooLong.getMessage());
    // 257 two-byte characters: 257 chars would pass a char count, 514 bytes must not.
    assertThrows(BindingLimitException.class, () -> KvLimits.checkKey("é".repeat(257)));
  }

  @Test
  void emptyDotAndDotDotKeysAreRejected() {
    assertThrows(BindingLimitException.class, () -> KvLimits.checkKey(""));
    assertThrows(BindingLimitException.class, () -> KvLimits.checkKey("."));
    assertThrows(BindingLimitException.class, () -> KvLimits.checkKey(".."));
  }

  @Test
  void keysThatUtf8CannotEncodeAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> KvLimits.checkKey("a\uD800"));
  }

  @Test
  void valuesUpTo25MebibytesAreAccepted() {
    assertDoesNotThrow(() -> KvLimits.checkValue(new byte[25 * 1024 * 1024]));
    var tooLarge =
        assertThrows(
            BindingLimitException.class, () -> KvLimits.checkValue(new byte[25 * 1024 * 1024 + 1]));
    assertEquals("KV value is 26214401 bytes; the limit is 26214400", tooLarge.getMessage());
  }

  @Test
  void metadataUpTo1024BytesIsAccepted() {
    assertDoesNotThrow(() -> KvLimits.checkMetadata("x".repeat(1024)));
    assertThrows(BindingLimitException.class, () -> KvLimits.checkMetadata("x".repeat(1025)));
    assertThrows(BindingLimitException.class, () -> KvLimits.checkMetadata("é".repeat(513)));
  }

  @Test
  void expirationTtlMustBeAtLeastSixtySeconds() {
    assertDoesNotThrow(() -> KvLimits.checkExpirationTtl(Duration.ofSeconds(60)));
    var tooShort =
        assertThrows(
            BindingLimitException.class, () -> KvLimits.checkExpirationTtl(Duration.ofSeconds(59)));
    assertEquals("KV expirationTtl is 59 s; the minimum is 60 s", tooShort.getMessage());
  }

  @Test
  void expirationMustBeAtLeastSixtySecondsAhead() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    assertDoesNotThrow(() -> KvLimits.checkExpiration(now.plusSeconds(60), now));
    assertThrows(
        BindingLimitException.class, () -> KvLimits.checkExpiration(now.plusSeconds(59), now));
    assertThrows(
        BindingLimitException.class, () -> KvLimits.checkExpiration(now.minusSeconds(1), now));
  }

  @Test
  void cacheTtlMustBeAtLeastSixtySeconds() {
    assertDoesNotThrow(() -> KvLimits.checkCacheTtl(Duration.ofMinutes(1)));
    assertThrows(BindingLimitException.class, () -> KvLimits.checkCacheTtl(Duration.ofSeconds(59)));
  }

  @Test
  void listLimitMustBeOneToOneThousand() {
    assertDoesNotThrow(() -> KvLimits.checkListLimit(1));
    assertDoesNotThrow(() -> KvLimits.checkListLimit(1000));
    assertThrows(BindingLimitException.class, () -> KvLimits.checkListLimit(0));
    var tooMany = assertThrows(BindingLimitException.class, () -> KvLimits.checkListLimit(1001));
    assertEquals("KV list limit is 1001; it must be 1 to 1000", tooMany.getMessage());
  }

  @Test
  void getManyTakesAtMostOneHundredValidKeys() {
    List<String> hundred = IntStream.range(0, 100).mapToObj(i -> "k" + i).toList();
    assertDoesNotThrow(() -> KvLimits.checkGetMany(hundred));
    var tooMany =
        assertThrows(
            BindingLimitException.class,
            () -> KvLimits.checkGetMany(Collections.nCopies(101, "k")));
    assertEquals("KV get of 101 keys; the limit is 100", tooMany.getMessage());
    assertThrows(BindingLimitException.class, () -> KvLimits.checkGetMany(List.of("ok", "..")));
  }
}
