package dev.outbound.runtime.egress;

import java.io.IOException;

/**
 * The request body could not be read, or did not match its declared length. The fault is on the
 * sending side, not the origin's, so it is never reported as an unreachable destination.
 */
public final class RequestBodyException extends IOException {

  RequestBodyException(String message, Throwable cause) {
    super(message, cause);
  }

  RequestBodyException(String message) {
    super(message);
  }
}
