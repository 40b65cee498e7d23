package dev.outbound.spi;

import java.util.Objects;

/**
 * A handler method and what selects it: a host pattern, {@code *} for the catch-all, or a handler
 * name.
 *
 * @param key the pattern or name that selects the route, as the egress log reports it
 * @param method the Java method name, for logs and errors
 * @param handler the call into the method
 */
public record Route<T>(String key, String method, Handler<T> handler) {

  public Route {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(handler, "handler");
  }
}
