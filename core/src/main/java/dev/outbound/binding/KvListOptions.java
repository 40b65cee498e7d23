package dev.outbound.binding;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of a KV list: only keys starting with {@code prefix}, at most {@code limit} of them, from
 * the page {@code cursor} points at.
 */
public record KvListOptions(Optional<String> prefix, int limit, Optional<String> cursor) {

  /**
   * Validates the options.
   *
   * @throws BindingLimitException if {@code limit} is not 1..1000
   */
  public KvListOptions {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(cursor, "cursor");
    KvLimits.checkListLimit(limit);
  }

  /** Returns options that list every key from the start, 1000 per page. */
  public static KvListOptions defaults() {
    return new KvListOptions(Optional.empty(), KvLimits.MAX_LIST_LIMIT, Optional.empty());
  }

  /** Returns a copy that lists only keys starting with {@code prefix}. */
  public KvListOptions withPrefix(String prefix) {
    return new KvListOptions(Optional.of(prefix), limit, cursor);
  }

  /** Returns a copy that returns at most {@code limit} keys (1..1000). */
  public KvListOptions withLimit(int limit) {
    return new KvListOptions(prefix, limit, cursor);
  }

  /** Returns a copy that continues from a {@link KvListResult#cursor()} of an earlier call. */
  public KvListOptions withCursor(String cursor) {
    return new KvListOptions(prefix, limit, Optional.of(cursor));
  }
}
