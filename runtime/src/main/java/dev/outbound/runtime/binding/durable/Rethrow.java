package dev.outbound.runtime.binding.durable;

/**
 * Rethrows a checked exception without wrapping it. A stub's method declares the checked exceptions
 * of the method it wraps, and {@link dev.outbound.spi.ObjectActor#call} promises to rethrow what
 * the call throws, so the caller sees the exception it expects.
 */
final class Rethrow {

  private Rethrow() {}

  /** Throws {@code e} as it is; declared to return so callers can write {@code throw}. */
  static RuntimeException unchecked(Throwable e) {
    return Rethrow.<RuntimeException>sneaky(e);
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable e) throws E {
    throw (E) e;
  }
}
