package dev.outbound.binding;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of a bucket read: a byte range to serve and conditions the object must meet to be served.
 */
public record GetOptions(Optional<ByteRange> range, Conditions onlyIf) {

  /** Requires both components. */
  public GetOptions {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(onlyIf, "onlyIf");
  }

  /** Returns options that read the whole object unconditionally. */
  public static GetOptions none() {
    return new GetOptions(Optional.empty(), Conditions.none());
  }

  /** Returns a copy that reads only {@code range}. */
  public GetOptions withRange(ByteRange range) {
    return new GetOptions(Optional.of(range), onlyIf);
  }

  /** Returns a copy that serves the body only if {@code onlyIf} passes. */
  public GetOptions withOnlyIf(Conditions onlyIf) {
    return new GetOptions(range, onlyIf);
  }
}
