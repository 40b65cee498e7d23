package dev.outbound.binding;

import java.util.Objects;
import java.util.Optional;

/** A byte range of an object to read, as R2 takes it: from an offset, or the last bytes. */
public sealed interface ByteRange permits ByteRange.Offset, ByteRange.Suffix {

  /**
   * Resolves this range against an object of {@code size} bytes, clamping a length that runs past
   * the end.
   *
   * @throws RangeNotSatisfiableException if the range selects no byte of the object, which is
   *     always so for an empty object (as in S3)
   */
  ResolvedRange resolve(long size);

  /**
   * Parses a {@code Range} header holding one {@code bytes=} range: {@code bytes=0-99}, {@code
   * bytes=100-} or {@code bytes=-50}. Returns empty, meaning serve the whole object, for a missing
   * or malformed header, another unit, or several ranges.
   */
  static Optional<ByteRange> parseHttpRange(String rangeHeader) {
    if (rangeHeader == null) {
      return Optional.empty();
    }
    String header = rangeHeader.strip();
    int equals = header.indexOf('=');
    if (equals < 0 || !header.substring(0, equals).strip().equalsIgnoreCase("bytes")) {
      return Optional.empty();
    }
    String spec = header.substring(equals + 1).strip();
    int dash = spec.indexOf('-');
    if (dash < 0 || spec.indexOf(',') >= 0) {
      return Optional.empty();
    }
    Optional<Long> first = parseDigits(spec.substring(0, dash));
    Optional<Long> last = parseDigits(spec.substring(dash + 1));
    if (dash == 0) {
      return last.map(Suffix::new);
    }
    if (first.isEmpty()) {
      return Optional.empty();
    }
    if (dash == spec.length() - 1) {
      return Optional.of(new Offset(first.get()));
    }
    if (last.isEmpty() || last.get() < first.get()) {
      return Optional.empty();
    }
    long lastMinusFirst = last.get() - first.get();
    return Optional.of(
        new Offset(
            first.get(), lastMinusFirst == Long.MAX_VALUE ? Long.MAX_VALUE : lastMinusFirst + 1));
  }

  /** Parses ASCII digits, saturating at {@link Long#MAX_VALUE} since no object is that large. */
  private static Optional<Long> parseDigits(String digits) {
    if (digits.isEmpty()) {
      return Optional.empty();
    }
    long value = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.empty();
      }
      int digit = c - '0';
      value = value > (Long.MAX_VALUE - digit) / 10 ? Long.MAX_VALUE : value * 10 + digit;
    }
    return Optional.of(value);
  }

  /**
   * Bytes from {@code offset}: {@code length} of them, or all to the end when the length is empty.
   */
  record Offset(long offset, Optional<Long> length) implements ByteRange {

    /**
     * Validates the range.
     *
     * @throws IllegalArgumentException if the offset or the length is negative
     */
    public Offset {
      Objects.requireNonNull(length, "length");
      if (offset < 0 || length.orElse(0L) < 0) {
        throw new IllegalArgumentException("a byte range offset and length must not be negative");
      }
    }

    /** Selects every byte from {@code offset} to the end. */
    public Offset(long offset) {
      this(offset, Optional.empty());
    }

    /** Selects {@code length} bytes from {@code offset}. */
    public Offset(long offset, long length) {
      this(offset, Optional.of(length));
    }

    @Override
    public ResolvedRange resolve(long size) {
      if (offset >= size || length.orElse(1L) == 0) {
        throw new RangeNotSatisfiableException(this, size);
      }
      long available = size - offset;
      return new ResolvedRange(offset, Math.min(length.orElse(available), available));
    }
  }

  /** The last {@code length} bytes, or the whole object when it is shorter. */
  record Suffix(long length) implements ByteRange {

    /**
     * Validates the range.
     *
     * @throws IllegalArgumentException if the length is negative
     */
    public Suffix {
      if (length < 0) {
        throw new IllegalArgumentException("a suffix byte range length must not be negative");
      }
    }

    @Override
    public ResolvedRange resolve(long size) {
      if (size == 0 || length == 0) {
        throw new RangeNotSatisfiableException(this, size);
      }
      long served = Math.min(length, size);
      return new ResolvedRange(size - served, served);
    }
  }
}
