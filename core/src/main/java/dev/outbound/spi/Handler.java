package dev.outbound.spi;

import dev.outbound.OutboundContext;
import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;

/**
 * A call into one handler method of a container class; generated code implements it with a lambda.
 */
@FunctionalInterface
public interface Handler<T> {

  OutboundResponse handle(T target, OutboundRequest request, OutboundContext context)
      throws Exception;
}
