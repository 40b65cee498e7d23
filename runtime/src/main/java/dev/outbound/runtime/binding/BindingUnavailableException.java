package dev.outbound.runtime.binding;

/**
 * A binding's backend could not be reached or did not answer in time. The operation may not have
 * happened; a write that failed this way was not acknowledged and must not be reported as done.
 */
public final class BindingUnavailableException extends RuntimeException {

  /** Creates the exception; {@code message} names the backend that is unavailable. */
  public BindingUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
