package dev.outbound.binding;

/**
 * Thrown when a key, value, metadata, range or list exceeds a binding limit; the message names the
 * limit.
 */
public class BindingLimitException extends IllegalArgumentException {

  /**
   * Creates the exception with a message that names the limit, such as "KV key is 600 bytes; the
   * limit is 512".
   */
  public BindingLimitException(String message) {
    super(message);
  }
}
