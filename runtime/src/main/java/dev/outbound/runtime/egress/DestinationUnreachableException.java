package dev.outbound.runtime.egress;

import java.io.IOException;

/**
 * The destination could not be resolved, connected to, or did not answer in time. The proxy answers
 * {@code 502}.
 */
public final class DestinationUnreachableException extends IOException {

  public DestinationUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }

  public DestinationUnreachableException(String message) {
    super(message);
  }
}
