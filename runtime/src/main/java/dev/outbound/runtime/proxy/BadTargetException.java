package dev.outbound.runtime.proxy;

/** The request line names no destination the proxy can route; the container gets {@code 400}. */
public final class BadTargetException extends RuntimeException {

  BadTargetException(String message) {
    super(message);
  }
}
