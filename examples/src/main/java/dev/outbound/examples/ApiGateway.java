package dev.outbound.examples;

import dev.outbound.Outbound;
import dev.outbound.OutboundContainer;
import dev.outbound.OutboundContext;
import dev.outbound.OutboundHandler;
import dev.outbound.OutboundHost;
import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;
import dev.outbound.binding.Secret;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/**
 * Credential injection: the container calls an API without a credential; the {@code bearer}
 * handler, selected per host at run time through the admin API, adds the secret on the way out. The
 * container never sees the secret.
 */
@OutboundContainer(
    name = "api-gateway",
    deniedHosts = {"*.evil.example"})
public final class ApiGateway {

  /** How the {@code bearer} handler writes the credential. */
  record BearerParams(String header, String scheme) {}

  private final Secret apiToken;

  @Inject
  ApiGateway(@Named("API_TOKEN") Secret apiToken) {
    this.apiToken = apiToken;
  }

  /** A constant answer: lets a container (and the benchmarks) check that the gateway is there. */
  @OutboundHost("status.gateway")
  OutboundResponse status(OutboundRequest request) {
    return OutboundResponse.ok("gateway ok\n");
  }

  @OutboundHandler("bearer")
  OutboundResponse bearer(OutboundRequest request, OutboundContext ctx, BearerParams params)
      throws IOException {
    String header = params.header() == null ? "Authorization" : params.header();
    String scheme = params.scheme() == null ? "Bearer " : params.scheme() + " ";
    return ctx.fetch(request.withHeader(header, scheme + apiToken.value()));
  }

  @Outbound
  OutboundResponse any(OutboundRequest request, OutboundContext ctx) throws IOException {
    return ctx.fetch(request);
  }
}
