package dev.outbound.binding;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of a bucket list: keys starting with {@code prefix}, keys past a {@code delimiter} rolled
 * up into prefixes, at most {@code limit} entries, from the page {@code cursor} points at.
 */
public record ListOptions(
    Optional<String> prefix, Optional<String> delimiter, Optional<String> cursor, int limit) {

  /**
   * Validates the options.
   *
   * @throws BindingLimitException if {@code limit} is not 1..1000
   * @throws IllegalArgumentException if the delimiter is empty
   */
  public ListOptions {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(cursor, "cursor");
    Objects.requireNonNull(delimiter, "delimiter");
    if (delimiter.isPresent() && delimiter.get().isEmpty()) {
      throw new IllegalArgumentException("list delimiter must not be empty");
    }
    ObjectLimits.checkListLimit(limit);
  }

  /** Returns options that list every object from the start, 1000 per page. */
  public static ListOptions defaults() {
    return new ListOptions(
        Optional.empty(), Optional.empty(), Optional.empty(), ObjectLimits.MAX_LIST_LIMIT);
  }

  /** Returns a copy that lists only keys starting with {@code prefix}. */
  public ListOptions withPrefix(String prefix) {
    return new ListOptions(Optional.of(prefix), delimiter, cursor, limit);
  }

  /**
   * Returns a copy that rolls keys up to the first {@code delimiter} after the prefix, such as "/".
   */
  public ListOptions withDelimiter(String delimiter) {
    return new ListOptions(prefix, Optional.of(delimiter), cursor, limit);
  }

  /** Returns a copy that continues from an {@link ObjectList#cursor()} of an earlier call. */
  public ListOptions withCursor(String cursor) {
    return new ListOptions(prefix, delimiter, Optional.of(cursor), limit);
  }

  /** Returns a copy that returns at most {@code limit} objects and prefixes together (1..1000). */
  public ListOptions withLimit(int limit) {
    return new ListOptions(prefix, delimiter, cursor, limit);
  }
}
