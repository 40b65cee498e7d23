package dev.outbound;

/** A body was larger than the limit it was read with. The proxy answers {@code 413}. */
public final class BodyTooLargeException extends RuntimeException {

  private final long limit;

  public BodyTooLargeException(long limit) {
    super("body is larger than " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
