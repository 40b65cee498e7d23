package dev.outbound.binding;

/**
 * Thrown when a requested byte range lies outside the object; the HTTP layer answers {@code 416}
 * with {@link #objectSize()}.
 */
public final class RangeNotSatisfiableException extends BindingLimitException {

  /** Size of the object the range was requested from. */
  private final long objectSize;

  /**
   * Creates the exception for {@code range} requested from an object of {@code objectSize} bytes.
   */
  public RangeNotSatisfiableException(ByteRange range, long objectSize) {
    super("byte range " + range + " lies outside the object of " + objectSize + " bytes");
    this.objectSize = objectSize;
  }

  /** Returns the size of the object, for {@code Content-Range: bytes *}{@code /size}. */
  public long objectSize() {
    return objectSize;
  }
}
