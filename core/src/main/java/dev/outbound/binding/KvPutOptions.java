package dev.outbound.binding;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Options of a KV put: an absolute expiration or a time to live (not both), and metadata JSON. */
public record KvPutOptions(
    Optional<Instant> expiration, Optional<Duration> expirationTtl, Optional<String> metadataJson) {

  /**
   * Validates the options.
   *
   * @throws IllegalArgumentException if both an expiration and a time to live are given
   * @throws BindingLimitException if the time to live is under 60 s or the metadata over 1024 bytes
   */
  public KvPutOptions {
    Objects.requireNonNull(expiration, "expiration");
    Objects.requireNonNull(expirationTtl, "expirationTtl");
    Objects.requireNonNull(metadataJson, "metadataJson");
    if (expiration.isPresent() && expirationTtl.isPresent()) {
      throw new IllegalArgumentException(
          "KV put takes an expiration or an expirationTtl, not both");
    }
    expirationTtl.ifPresent(KvLimits::checkExpirationTtl);
    metadataJson.ifPresent(KvLimits::checkMetadata);
  }

  /** Returns options with no expiration and no metadata. */
  public static KvPutOptions none() {
    return new KvPutOptions(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Returns a copy that expires at {@code expiration}, replacing any time to live. */
  public KvPutOptions expiringAt(Instant expiration) {
    return new KvPutOptions(Optional.of(expiration), Optional.empty(), metadataJson);
  }

  /** Returns a copy that expires {@code ttl} after the put, replacing any absolute expiration. */
  public KvPutOptions expiringAfter(Duration ttl) {
    return new KvPutOptions(Optional.empty(), Optional.of(ttl), metadataJson);
  }

  /** Returns a copy with {@code metadataJson} (not parsed here) stored alongside the value. */
  public KvPutOptions withMetadata(String metadataJson) {
    return new KvPutOptions(expiration, expirationTtl, Optional.of(metadataJson));
  }

  /**
   * Returns when a put made at {@code now} expires, if ever, in whole seconds as KV keeps
   * expirations, rounded up so that a key never expires before the time asked for; implementations
   * call this once per put.
   *
   * @throws BindingLimitException if an absolute expiration is less than 60 s after {@code now}
   */
  public Optional<Instant> resolveExpiration(Instant now) {
    expiration.ifPresent(at -> KvLimits.checkExpiration(at, now));
    return expiration.or(() -> expirationTtl.map(now::plus)).map(KvPutOptions::roundUpToSecond);
  }

  private static Instant roundUpToSecond(Instant instant) {
    return instant.getNano() == 0 ? instant : Instant.ofEpochSecond(instant.getEpochSecond() + 1);
  }
}
