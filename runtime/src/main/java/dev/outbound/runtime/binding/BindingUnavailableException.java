package dev.outbound.runtime.binding;

/**
 * Thrown when the service behind a binding cannot be reached, does not answer in time, or refuses
 * this server (such as an S3 endpoint that is down, or credentials it rejects). The HTTP layer answers
 * {@code 503} with the message as the reason. A write that fails this way was not done, unless it
 * timed out after being sent, when it may or may not have been; either way it is never reported as done.
 */
public final class BindingUnavailableException extends RuntimeException {

  /** Creates the exception with a message that says which service failed and how, and the failure itself. */
  public BindingUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
