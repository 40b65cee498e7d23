package dev.outbound.binding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * An object read from a bucket: its info and a body to stream once, absent when an {@code onlyIf}
 * condition failed (as R2 returns an object without body). Close it to release the body.
 */
public record StoredObject(ObjectInfo info, Optional<InputStream> body) implements AutoCloseable {

  /** Requires both components. */
  public StoredObject {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(body, "body");
  }

  /**
   * Closes the body, if there is one.
   *
   * @throws UncheckedIOException if closing the body fails
   */
  @Override
  public void close() {
    if (body.isPresent()) {
      try {
        body.get().close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
