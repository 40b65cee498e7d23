package dev.outbound.host;

/** A host or authority that cannot be normalised; the message says what is wrong with it. */
public final class InvalidHostException extends IllegalArgumentException {

  InvalidHostException(String message) {
    super(message);
  }
}
