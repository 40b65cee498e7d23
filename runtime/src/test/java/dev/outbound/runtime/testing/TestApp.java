package dev.outbound.runtime.testing;

import dev.outbound.OutboundContext;
import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;
import dev.outbound.Params;
import dev.outbound.binding.Secret;
import dev.outbound.runtime.binding.BindingUnavailableException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The container class most server tests use: {@code test-app}, internet off, {@code *.evil.test}
 * denied, a handler per behaviour under test, and the secret binding {@code API_TOKEN}.
 */
public final class TestApp {

  /** Released by tests that want {@code slow.test} to finish early. */
  public static volatile CountDownLatch slowRelease = new CountDownLatch(1);

  private final Secret apiToken;

  TestApp(Secret apiToken) {
    this.apiToken = apiToken;
  }

  /** Echoes what routing saw, including headers that must never reach a handler. */
  OutboundResponse kv(OutboundRequest request, OutboundContext context) {
    return OutboundResponse.ok(
        "kv "
            + request.method()
            + " "
            + request.url()
            + " container="
            + context.containerName()
            + " class="
            + context.containerClass()
            + " proxy-authorization="
            + request.header("Proxy-Authorization")
            + " host-header="
            + request.header("Host"));
  }

  OutboundResponse slow(OutboundRequest request) throws InterruptedException {
    slowRelease.await(20, TimeUnit.SECONDS);
    return OutboundResponse.ok("slow done");
  }

  OutboundResponse boom(OutboundRequest request) {
    throw new IllegalStateException("secret internal detail");
  }

  /** A binding whose service is down, its failure wrapped as a handler's own code may wrap it. */
  OutboundResponse down(OutboundRequest request) {
    throw new IllegalStateException(
        "lookup failed",
        new BindingUnavailableException(
            "Redis redis://127.0.0.1:1 (namespace KV) did not answer",
            new SocketTimeoutException("read timed out")));
  }

  /** Reads the body with the request's own default limit. */
  OutboundResponse echo(OutboundRequest request) {
    return OutboundResponse.ok("read " + request.bytes().length + " bytes");
  }

  OutboundResponse noContent(OutboundRequest request) {
    return OutboundResponse.empty(204);
  }

  /** Answers with headers about its own connection, which are not the container's business. */
  OutboundResponse hops(OutboundRequest request) {
    return OutboundResponse.ok("hops")
        .withHeader("Connection", "X-Private, keep-alive")
        .withHeader("X-Private", "1")
        .withHeader("Keep-Alive", "timeout=1")
        .withHeader("Upgrade", "h2c")
        .withHeader("X-Kept", "yes");
  }

  /** Reads the body with a limit of its own, below the server's. */
  OutboundResponse small(OutboundRequest request) {
    return OutboundResponse.ok("read " + request.bytes(10).length + " bytes");
  }

  /** Passes the request on with the API token injected, as the seed's canonical secret use. */
  OutboundResponse fetch(OutboundRequest request, OutboundContext context) throws Exception {
    return context.fetch(request.withHeader("Authorization", "Bearer " + apiToken.value()));
  }

  OutboundResponse greet(OutboundRequest request, OutboundContext context, Params params) {
    return OutboundResponse.ok("hello " + params.string("who") + " from " + request.host());
  }
}
