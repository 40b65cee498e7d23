package dev.outbound.runtime.proxy;

import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;
import dev.outbound.runtime.egress.Destination;
import dev.outbound.runtime.egress.EgressExceptions;
import dev.outbound.runtime.egress.EgressGuard;
import dev.outbound.runtime.egress.HttpForwarder;
import java.io.IOException;

/**
 * Passes a request on to its real destination: the egress guard vets the address, then the request
 * goes to that address. Internet passthrough and {@code ctx.fetch} both come through here (SPEC
 * §4.5).
 */
public final class Passthrough {

  private final EgressGuard guard;
  private final HttpForwarder forwarder;

  public Passthrough(EgressGuard guard, HttpForwarder forwarder) {
    this.guard = guard;
    this.forwarder = forwarder;
  }

  /**
   * @throws dev.outbound.runtime.egress.EgressDeniedException when the guard refuses the address
   * @throws dev.outbound.runtime.egress.DestinationUnreachableException when it cannot be reached
   */
  public OutboundResponse forward(OutboundRequest request, EgressExceptions exceptions)
      throws IOException {
    Destination destination = guard.vet(request.authority(), exceptions);
    return forwarder.forward(request, destination);
  }
}
