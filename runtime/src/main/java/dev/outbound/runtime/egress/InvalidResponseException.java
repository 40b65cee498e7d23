package dev.outbound.runtime.egress;

import java.io.IOException;

/**
 * The origin answered with something that is not a well-formed HTTP/1.1 response: a bad status
 * line, a malformed or oversized head, bad chunked framing, conflicting framing headers. The proxy
 * answers {@code 502}.
 */
public final class InvalidResponseException extends IOException {

  public InvalidResponseException(String message) {
    super(message);
  }
}
