package dev.outbound.examples;

import dev.outbound.OutboundContainer;
import dev.outbound.OutboundContext;
import dev.outbound.OutboundHost;
import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;
import dev.outbound.binding.DurableObjectNamespace;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The seed's {@code MyContainer}: {@code http://get-state.do} reads and writes the container
 * instance's own durable object, whose id is the instance's id.
 */
@OutboundContainer(name = "my-container")
public final class MyContainer {

  private final DurableObjectNamespace<ContainerState> states;

  @Inject
  MyContainer(@Named("MY_CONTAINER") DurableObjectNamespace<ContainerState> states) {
    this.states = states;
  }

  /** {@code POST} with a key in the body reads it; {@code PUT /<key>} stores the body under it. */
  @OutboundHost("get-state.do")
  OutboundResponse state(OutboundRequest request, OutboundContext ctx) {
    ContainerState state = states.get(states.idFromString(ctx.containerId()));
    return switch (request.method()) {
      case "POST" ->
          state
              .getStateForKey(request.text().strip())
              .map(OutboundResponse::ok)
              .orElseGet(OutboundResponse::notFound);
      case "PUT" -> {
        state.setStateForKey(request.pathKey(), request.text());
        yield OutboundResponse.empty(204);
      }
      default -> OutboundResponse.builder(405).header("Allow", "POST, PUT").build();
    };
  }
}
