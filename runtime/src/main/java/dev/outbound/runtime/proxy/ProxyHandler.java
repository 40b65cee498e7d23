package dev.outbound.runtime.proxy;

import dev.outbound.Headers;
import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;
import dev.outbound.host.Authority;
import dev.outbound.host.HostNormalizer;
import dev.outbound.host.InvalidHostException;
import dev.outbound.runtime.identity.ContainerInstance;
import io.helidon.common.context.Contexts;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.InputStream;
import java.util.Optional;

/**
 * The container-facing side of the proxy: every request on a proxy listener comes here. It finds
 * the instance (or answers {@code 407}), reads the destination from the request line (never from
 * {@code Host}), and hands the request to the {@link Dispatcher}.
 */
public final class ProxyHandler implements Handler {

  private final IdentitySource identities;
  private final InstancePolicies policies;
  private final Dispatcher dispatcher;
  private final EgressRecorder recorder;
  private final long maxBodyBytes;

  ProxyHandler(
      IdentitySource identities,
      InstancePolicies policies,
      Dispatcher dispatcher,
      EgressRecorder recorder,
      long maxBodyBytes) {
    this.identities = identities;
    this.policies = policies;
    this.dispatcher = dispatcher;
    this.recorder = recorder;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void handle(ServerRequest request, ServerResponse response) {
    long started = System.nanoTime();
    Headers headers;
    try {
      headers = withoutProxyCredentials(request);
    } catch (IllegalArgumentException e) {
      // Helidon leaves checking headers to the proxy (see Proxy.configure)
      refuse("bad-request", ProxyErrors.badRequest(e.getMessage()), response, true);
      return;
    }
    Optional<InterceptedTunnel> tunnel = interceptedTunnel();
    Optional<ContainerInstance> identified =
        tunnel.isPresent()
            ? Optional.of(tunnel.get().instance())
            : identities.identify(request.headers());
    if (identified.isEmpty()) {
      unauthenticated(request, response);
      return;
    }
    ContainerInstance instance = identified.get();
    Optional<InstancePolicies.Compiled<?>> policy = policies.forInstance(instance);
    if (request.prologue().method() == Method.CONNECT) {
      connect(instance, policy, request, response, started);
      return;
    }
    RequestTarget target;
    try {
      String rawQuery =
          request.prologue().hasQuery() ? request.prologue().query().rawValue() : null;
      target =
          tunnel.isPresent()
              ? RequestTarget.inTunnel(
                  tunnel.get().authority(), request.prologue().uriPath().rawPath(), rawQuery)
              : RequestTarget.parse(
                  request.prologue().uriPath().rawPath(),
                  rawQuery,
                  request.headers().first(HeaderNames.HOST).orElse(null),
                  identities.acceptsOriginForm());
    } catch (BadTargetException e) {
      refuse("bad-request", ProxyErrors.badRequest(e.getMessage()), response, true);
      return;
    }
    ContainerBody body = new ContainerBody(request.content().inputStream(), maxBodyBytes);
    OutboundRequest outbound =
        OutboundRequest.builder(
                request.prologue().method().text(),
                target.scheme(),
                target.authority(),
                target.path(),
                target.query())
            .headers(headers)
            .body(body, request.headers().contentLength().orElse(hasBody(request) ? -1 : 0))
            .build();
    answer(
        instance,
        outbound,
        dispatcher.dispatch(instance, policy, outbound),
        body,
        response,
        started);
  }

  /**
   * A CONNECT after other requests on a connection: tunnels are only opened by a CONNECT that
   * starts its connection (see {@code dev.outbound.runtime.connect}), but this one is still checked
   * against the policy first (SPEC §4.7).
   */
  private void connect(
      ContainerInstance instance,
      Optional<InstancePolicies.Compiled<?>> policy,
      ServerRequest request,
      ServerResponse response,
      long started) {
    Authority authority;
    try {
      authority = HostNormalizer.parseAuthority(request.prologue().uriPath().rawPath(), 443);
    } catch (InvalidHostException e) {
      refuse(
          "bad-request",
          ProxyErrors.badRequest("invalid CONNECT target: " + e.getMessage()),
          response,
          true);
      return;
    }
    OutboundRequest outbound =
        OutboundRequest.builder("CONNECT", "https", authority, "/", null).build();
    answer(
        instance,
        outbound,
        dispatcher.connect(instance, policy, outbound),
        new ContainerBody(InputStream.nullInputStream(), maxBodyBytes),
        response,
        started);
  }

  /**
   * Credentials that name no container: {@code 400} when they are malformed, which no issued
   * credentials are, and otherwise {@code 407}.
   */
  private void unauthenticated(ServerRequest request, ServerResponse response) {
    Optional<String> credentials = request.headers().first(HeaderNames.PROXY_AUTHORIZATION);
    if (credentials.isPresent() && !Headers.isFieldValue(credentials.get())) {
      refuse(
          "bad-request",
          ProxyErrors.badRequest("control character in the value of header Proxy-Authorization"),
          response,
          true);
      return;
    }
    refuse(
        "unauthenticated",
        ProxyErrors.proxyAuthenticationRequired(
            "this proxy needs the credentials of a registered container: use the proxyUrl it was"
                + " given"),
        response,
        hasBody(request));
  }

  /** An answer to a request that no container can be held to, so it is counted but not logged. */
  private void refuse(
      String reason, OutboundResponse answer, ServerResponse response, boolean close) {
    recorder.unattributed(reason);
    ResponseWriter.write(answer, response, close);
    closeConnectionIf(close);
  }

  private void answer(
      ContainerInstance instance,
      OutboundRequest outbound,
      Outcome outcome,
      ContainerBody body,
      ServerResponse response,
      long started) {
    long written = 0;
    OutboundResponse answer = outcome.response();
    try {
      written = ResponseWriter.write(answer, response, outcome.closeConnection());
    } finally {
      recorder.record(
          instance,
          outbound,
          outcome,
          answer.status(),
          body.count(),
          written,
          System.nanoTime() - started);
    }
    closeConnectionIf(outcome.closeConnection());
  }

  /**
   * Helidon only marks a response {@code Connection: close}; ending the exchange this way makes it
   * really close the socket, so that an unread body or a malformed request cannot be read as the
   * next one.
   */
  private static void closeConnectionIf(boolean close) {
    if (close) {
      throw new CloseConnectionException("answered with Connection: close");
    }
  }

  /**
   * The tunnel this request arrived through, if it came through an intercepted {@code CONNECT}: its
   * connection runs in a context that names it. Looked up in the thread's context rather than
   * {@code request.context()}, which would build a new context for every plain request.
   */
  private static Optional<InterceptedTunnel> interceptedTunnel() {
    return Contexts.context().flatMap(context -> context.get(InterceptedTunnel.class));
  }

  /**
   * The container's headers minus its proxy credentials, which no handler or destination may see.
   *
   * @throws IllegalArgumentException when a header's name is not a token or its value holds a
   *     control character (the credentials are checked only when they fail: see {@link
   *     #unauthenticated})
   */
  private static Headers withoutProxyCredentials(ServerRequest request) {
    Headers.Builder headers = Headers.builder();
    for (Header header : request.headers()) {
      if (header.headerName().equals(HeaderNames.PROXY_AUTHORIZATION)) {
        continue;
      }
      if (header.valueCount() == 1) {
        headers.add(header.name(), header.get());
      } else {
        for (String value : header.allValues()) {
          headers.add(header.name(), value);
        }
      }
    }
    return headers.build();
  }

  private static boolean hasBody(ServerRequest request) {
    return request.headers().contains(HeaderNames.TRANSFER_ENCODING)
        || request.headers().contentLength().orElse(0) > 0;
  }
}
