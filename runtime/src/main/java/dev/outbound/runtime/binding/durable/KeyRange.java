package dev.outbound.runtime.binding.durable;

import dev.outbound.binding.StorageListOptions;
import dev.outbound.binding.Utf8;
import java.util.Optional;

/**
 * The keys a list selects, as one range: from {@code lower} (inclusive) to {@code upper}
 * (exclusive), either bound absent. A prefix becomes a range too, so SQLite answers every list
 * from the primary key index; its BINARY collation compares UTF-8 bytes, as {@link
 * Utf8#BYTE_ORDER} does.
 */
record KeyRange(Optional<String> lower, Optional<String> upper) {

  static KeyRange of(StorageListOptions options) {
    Optional<String> lower = options.start();
    Optional<String> upper = options.end();
    if (options.prefix().isPresent()) {
      String prefix = options.prefix().get();
      lower = Optional.of(lower.filter(start -> Utf8.BYTE_ORDER.compare(start, prefix) > 0)
          .orElse(prefix));
      Optional<String> afterPrefix = firstAfterAllStartingWith(prefix);
      if (afterPrefix.isPresent()) {
        upper = Optional.of(upper.filter(end -> Utf8.BYTE_ORDER.compare(end, afterPrefix.get()) < 0)
            .orElse(afterPrefix.get()));
      }
    }
    return new KeyRange(lower, upper);
  }

  /** Returns whether no key can be in the range. */
  boolean isEmpty() {
    return lower.isPresent()
        && upper.isPresent()
        && Utf8.BYTE_ORDER.compare(lower.get(), upper.get()) >= 0;
  }

  /**
   * Returns the least string above every string that starts with {@code prefix}: the prefix with
   * its last code point raised by one, dropping code points that cannot be raised; empty if none
   * can (or the prefix is empty), as no upper bound is needed then.
   */
  static Optional<String> firstAfterAllStartingWith(String prefix) {
    int end = prefix.length();
    while (end > 0) {
      int last = prefix.codePointBefore(end);
      int start = end - Character.charCount(last);
      if (last < Character.MAX_CODE_POINT) {
        int next = last + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : last + 1;
        return Optional.of(prefix.substring(0, start) + Character.toString(next));
      }
      end = start;
    }
    return Optional.empty();
  }
}
