package dev.outbound.runtime.binding;

/** A binding's configuration cannot be used; the message becomes one start-up problem line. */
public final class InvalidBindingException extends RuntimeException {

  public InvalidBindingException(String message) {
    super(message);
  }
}
