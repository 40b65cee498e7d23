package dev.outbound.runtime.proxy;

import dev.outbound.OutboundContext;
import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;
import dev.outbound.Params;
import dev.outbound.runtime.egress.EgressExceptions;
import dev.outbound.runtime.identity.ContainerInstance;
import java.io.IOException;

/** What a handler learns about the instance it serves, and its way out through the egress guard. */
final class ContainerContext implements OutboundContext {

  private final ContainerInstance instance;
  private final Params params;
  private final Passthrough passthrough;
  private final EgressExceptions egressExceptions;

  ContainerContext(
      ContainerInstance instance,
      Params params,
      Passthrough passthrough,
      EgressExceptions egressExceptions) {
    this.instance = instance;
    this.params = params;
    this.passthrough = passthrough;
    this.egressExceptions = egressExceptions;
  }

  @Override
  public String containerId() {
    return instance.id();
  }

  @Override
  public String containerName() {
    return instance.name();
  }

  @Override
  public String containerClass() {
    return instance.className();
  }

  @Override
  public Params params() {
    return params;
  }

  @Override
  public OutboundResponse fetch(OutboundRequest request) throws IOException {
    return passthrough.forward(request, egressExceptions);
  }
}
