package dev.outbound.runtime.tls;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.outbound.runtime.lazy.FirstUse;
import java.time.Duration;

/**
 * Leaf certificates for intercepted hosts, minted on first use and then cached, one per exact name
 * (no wildcards, so a leaf never covers a name that policy has not seen).
 *
 * <p>A cached leaf is dropped after a day, while it is still valid for six more, so a connection
 * never gets a leaf that is about to expire. The cache holds at most 10,000 names.
 */
public final class LeafCertificates {

  static final Duration CACHE_LIFETIME = Duration.ofDays(1);
  private static final int MAX_CACHED_NAMES = 10_000;

  private final CertificateAuthority ca;
  private final Ticker ticker;
  // made at the first leaf: its key pair and cache are not worth a start that intercepts nothing
  private final FirstUse<Minting> minting = new FirstUse<>("leaf certificates");

  private record Minting(LeafMinter minter, Cache<String, LeafCertificate> cache) {}

  public LeafCertificates(CertificateAuthority ca) {
    this(ca, Ticker.systemTicker());
  }

  LeafCertificates(CertificateAuthority ca, Ticker ticker) {
    this.ca = ca;
    this.ticker = ticker;
  }

  private Minting minting() {
    return minting.get(
        () ->
            new Minting(
                new LeafMinter(ca),
                Caffeine.newBuilder()
                    .maximumSize(MAX_CACHED_NAMES)
                    .expireAfterWrite(CACHE_LIFETIME)
                    .ticker(ticker)
                    .build()));
  }

  /**
   * The leaf for a host already normalised by {@link dev.outbound.host.HostNormalizer}: a name, an
   * IPv4 address or a bracketed IPv6 address ({@code [::1]}), which gets an IP SAN.
   */
  public LeafCertificate leafFor(String host) {
    Minting made = minting();
    return made.cache().get(host, made.minter()::mint);
  }
}
