package dev.outbound.binding;

/**
 * A byte range resolved against an object's size: {@code length} bytes (at least one) from {@code
 * offset}.
 */
public record ResolvedRange(long offset, long length) {

  /**
   * Validates the range.
   *
   * @throws IllegalArgumentException if {@code offset} is negative or {@code length} under one
   */
  public ResolvedRange {
    if (offset < 0 || length < 1) {
      throw new IllegalArgumentException(
          "a resolved range needs offset >= 0 and length >= 1, got " + offset + "+" + length);
    }
  }

  /** Returns the offset of the last byte in the range. */
  public long lastByte() {
    return offset + length - 1;
  }

  /**
   * Returns the {@code Content-Range} header value for this range of an object of {@code size}
   * bytes, such as {@code bytes 0-99/1000}.
   *
   * @throws IllegalArgumentException if the range ends after {@code size}
   */
  public String contentRange(long size) {
    if (lastByte() >= size) {
      throw new IllegalArgumentException(
          "range " + offset + "-" + lastByte() + " ends after an object of " + size + " bytes");
    }
    return "bytes " + offset + "-" + lastByte() + "/" + size;
  }
}
