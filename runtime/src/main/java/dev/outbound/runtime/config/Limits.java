package dev.outbound.runtime.config;

import java.time.Duration;

/**
 * What one request may use.
 *
 * @param maxBodyBytes largest request body a container may send (413 above it)
 * @param maxHeaderBytes largest header block (431 above it)
 * @param handlerTimeout how long a handler may run before the container gets 504
 */
public record Limits(long maxBodyBytes, int maxHeaderBytes, Duration handlerTimeout) {

  public static final Limits DEFAULT =
      new Limits(32L * 1024 * 1024, 16 * 1024, Duration.ofSeconds(30));
}
