package dev.outbound.binding;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a bucket list, keys in UTF-8 byte order; {@code cursor} is present exactly when
 * {@code truncated}.
 */
public record ObjectList(
    List<ObjectInfo> objects,
    List<String> delimitedPrefixes,
    boolean truncated,
    Optional<String> cursor) {

  /**
   * Copies the lists and checks the cursor.
   *
   * @throws IllegalArgumentException if {@code truncated} and the presence of {@code cursor}
   *     disagree
   */
  public ObjectList {
    objects = List.copyOf(objects);
    delimitedPrefixes = List.copyOf(delimitedPrefixes);
    Objects.requireNonNull(cursor, "cursor");
    if (truncated != cursor.isPresent()) {
      throw new IllegalArgumentException(
          "an object list has a cursor exactly when it is truncated");
    }
  }
}
