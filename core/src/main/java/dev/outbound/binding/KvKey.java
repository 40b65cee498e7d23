package dev.outbound.binding;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A key in a KV list, with its expiration and metadata JSON if it has them. */
public record KvKey(String name, Optional<Instant> expiration, Optional<String> metadataJson) {

  /** Requires every component. */
  public KvKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expiration, "expiration");
    Objects.requireNonNull(metadataJson, "metadataJson");
  }
}
