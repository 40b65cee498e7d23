package dev.outbound.binding;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Options of a durable object storage list: keys from {@code start} (inclusive) to {@code end}
 * (exclusive) starting with {@code prefix}, in reverse order if asked, at most {@code limit} of
 * them.
 */
public record StorageListOptions(
    Optional<String> start,
    Optional<String> end,
    Optional<String> prefix,
    boolean reverse,
    OptionalInt limit) {

  /**
   * Validates the options.
   *
   * @throws IllegalArgumentException if {@code limit} is under one
   */
  public StorageListOptions {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(prefix, "prefix");
    if (limit.isPresent() && limit.getAsInt() < 1) {
      throw new IllegalArgumentException(
          "storage list limit must be at least 1, got " + limit.getAsInt());
    }
  }

  /** Returns options that list every key in ascending order. */
  public static StorageListOptions all() {
    return new StorageListOptions(
        Optional.empty(), Optional.empty(), Optional.empty(), false, OptionalInt.empty());
  }

  /** Returns a copy that starts at {@code start}, inclusive. */
  public StorageListOptions withStart(String start) {
    return new StorageListOptions(Optional.of(start), end, prefix, reverse, limit);
  }

  /** Returns a copy that stops before {@code end}. */
  public StorageListOptions withEnd(String end) {
    return new StorageListOptions(start, Optional.of(end), prefix, reverse, limit);
  }

  /** Returns a copy that lists only keys starting with {@code prefix}. */
  public StorageListOptions withPrefix(String prefix) {
    return new StorageListOptions(start, end, Optional.of(prefix), reverse, limit);
  }

  /** Returns a copy that lists in descending order, so a limit keeps the last keys. */
  public StorageListOptions reversed() {
    return new StorageListOptions(start, end, prefix, true, limit);
  }

  /** Returns a copy that returns at most {@code limit} keys. */
  public StorageListOptions withLimit(int limit) {
    return new StorageListOptions(start, end, prefix, reverse, OptionalInt.of(limit));
  }
}
