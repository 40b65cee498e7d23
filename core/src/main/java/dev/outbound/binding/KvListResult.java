package dev.outbound.binding;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a KV list, keys in UTF-8 byte order; {@code cursor} is present exactly when the list
 * is not complete. A page may hold fewer keys than the limit even when more follow.
 */
public record KvListResult(List<KvKey> keys, boolean listComplete, Optional<String> cursor) {

  /**
   * Copies {@code keys} and checks the cursor.
   *
   * @throws IllegalArgumentException if {@code listComplete} and the presence of {@code cursor}
   *     disagree
   */
  public KvListResult {
    keys = List.copyOf(keys);
    Objects.requireNonNull(cursor, "cursor");
    if (listComplete == cursor.isPresent()) {
      throw new IllegalArgumentException("a KV list has a cursor exactly when it is not complete");
    }
  }
}
