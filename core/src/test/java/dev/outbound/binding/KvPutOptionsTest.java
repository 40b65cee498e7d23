package dev.outbound.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KvPutOptionsTest {

  private static final Instant NOW = Instant.parse("2026-03-26T12:00:00Z");

  @Test
  void noneHasNothingSet() {
    KvPutOptions none = KvPutOptions.none();
    assertEquals(Optional.empty(), none.expiration());
    assertEquals(Optional.empty(), none.expirationTtl());
    assertEquals(Optional.empty(), none.metadataJson());
    assertEquals(Optional.empty(), none.resolveExpiration(NOW));
  }

  @Test
  void expirationAndTtlCannotBothBeSet() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new KvPutOptions(Optional.of(NOW), Optional.of(Duration.ofHours(1)), Optional.empty()));
  }

  @Test
  void settingOneExpirationReplacesTheOther() {
    KvPutOptions atThenAfter =
        KvPutOptions.none().expiringAt(NOW).expiringAfter(Duration.ofHours(1));
    assertEquals(Optional.empty(), atThenAfter.expiration());
    assertEquals(Optional.of(Duration.ofHours(1)), atThenAfter.expirationTtl());

    KvPutOptions afterThenAt =
        KvPutOptions.none().expiringAfter(Duration.ofHours(1)).expiringAt(NOW);
    assertEquals(Optional.of(NOW), afterThenAt.expiration());
    assertEquals(Optional.empty(), afterThenAt.expirationTtl());
  }

  @Test
  void withersKeepTheOtherFields() {
    KvPutOptions options =
        KvPutOptions.none().withMetadata("{\"a\":1}").expiringAfter(Duration.ofMinutes(5));
    assertEquals(Optional.of("{\"a\":1}"), options.metadataJson());
    assertEquals(Optional.of(Duration.ofMinutes(5)), options.expirationTtl());
    assertEquals(Optional.of("{}"), options.withMetadata("{}").metadataJson());
    assertEquals(Optional.of(Duration.ofMinutes(5)), options.withMetadata("{}").expirationTtl());
  }

  @Test
  void ttlUnderSixtySecondsIsRejected() {
    assertThrows(
        BindingLimitException.class,
        () -> KvPutOptions.none().expiringAfter(Duration.ofSeconds(59)));
  }

  @Test
  void metadataOver1024BytesIsRejected() {
    assertThrows(
        BindingLimitException.class, () -> KvPutOptions.none().withMetadata("x".repeat(1025)));
  }

  @Test
  void resolveExpirationAddsTheTtlToNow() {
    KvPutOptions options = KvPutOptions.none().expiringAfter(Duration.ofMinutes(2));
    assertEquals(Optional.of(NOW.plusSeconds(120)), options.resolveExpiration(NOW));
  }

  @Test
  void resolveExpirationKeepsAnAbsoluteExpirationAtLeastSixtySecondsAhead() {
    Instant inOneHour = NOW.plusSeconds(3600);
    assertEquals(
        Optional.of(inOneHour), KvPutOptions.none().expiringAt(inOneHour).resolveExpiration(NOW));
    KvPutOptions tooSoon = KvPutOptions.none().expiringAt(NOW.plusSeconds(30));
    assertThrows(BindingLimitException.class, () -> tooSoon.resolveExpiration(NOW));
  }

  @Test
  void resolveExpirationRoundsUpToAWholeSecond() {
    Instant now = Instant.parse("2030-01-01T00:00:00.250Z");

    assertEquals(
        Optional.of(Instant.parse("2030-01-01T00:02:01Z")),
        KvPutOptions.none().expiringAfter(Duration.ofSeconds(120)).resolveExpiration(now));
    assertEquals(
        Optional.of(Instant.parse("2030-01-01T01:00:00Z")),
        KvPutOptions.none()
            .expiringAt(Instant.parse("2030-01-01T01:00:00Z"))
            .resolveExpiration(now));
  }
}
