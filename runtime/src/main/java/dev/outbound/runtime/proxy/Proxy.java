package dev.outbound.runtime.proxy;

import dev.outbound.runtime.config.Limits;
import io.helidon.common.socket.SocketOptions;
import io.helidon.webserver.ErrorHandling;
import io.helidon.webserver.ListenerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.util.function.BiFunction;

/**
 * The proxy as the server mounts it: one dispatcher and handler pool shared by every proxy
 * listener, and the settings each such listener needs (limits, error answers).
 */
public final class Proxy implements AutoCloseable {

  private final InstancePolicies policies;
  private final Dispatcher dispatcher;
  private final EgressRecorder recorder;
  private final HandlerRunner handlers;
  private final Limits limits;
  private final BiFunction<IdentitySource, Http1Config, ServerConnectionSelector>
      connectionSelectors;

  /**
   * @param connectionSelectors the one connection selector of a listener, given how it identifies
   *     containers and its HTTP/1 settings: it serves {@code CONNECT} and hands the rest to HTTP/1
   */
  public Proxy(
      InstancePolicies policies,
      Passthrough passthrough,
      EgressRecorder recorder,
      Limits limits,
      int denialStatus,
      BiFunction<IdentitySource, Http1Config, ServerConnectionSelector> connectionSelectors) {
    this.policies = policies;
    this.connectionSelectors = connectionSelectors;
    this.recorder = recorder;
    this.limits = limits;
    this.handlers = new HandlerRunner(limits.handlerTimeout());
    this.dispatcher = new Dispatcher(passthrough, handlers, new ProxyErrors(denialStatus));
  }

  /** Sets up a listener to serve the proxy, its containers identified by {@code identities}. */
  public void configure(ListenerConfig.BuilderBase<?, ?> listener, IdentitySource identities) {
    Http1Config http1 =
        Http1Config.builder()
            .maxHeadersSize(limits.maxHeaderBytes())
            // request lines carry whole URLs here, so they get the header budget too
            .maxPrologueLength(limits.maxHeaderBytes())
            // Every header the proxy writes was checked when it was made (dev.outbound.Headers
            // takes only token names and values without control characters; origin responses are
            // parsed with the same checks), and ProxyHandler reads every request header into
            // Headers and RequestTarget checks the path. Helidon checking them again cost 2 % of
            // each request, and its path check (a java.net.URI per request) another 1 %.
            .validateResponseHeaders(false)
            .validateRequestHeaders(false)
            .validatePath(false)
            .build();
    listener
        .maxPayloadSize(limits.maxBodyBytes())
        // small messages go both ways through a proxy: with Nagle's algorithm, each TLS handshake
        // flight through a tunnel would wait on a delayed ACK (tens of ms)
        .connectionOptions(SocketOptions.builder().tcpNoDelay(true).build())
        // one selector and no discovered protocols: with two candidates Helidon guesses between
        // them
        // and drops garbage without an answer
        .protocolsDiscoverServices(false)
        .addConnectionSelector(connectionSelectors.apply(identities, http1))
        // Helidon's own rejections pass their message on, so that 431 can be told from 400
        .errorHandling(ErrorHandling.builder().includeEntity(true).build())
        .directHandlers(ProxyDirectHandler.all(limits.maxHeaderBytes(), limits.maxBodyBytes()))
        .routing(
            HttpRouting.builder()
                .any(
                    new ProxyHandler(
                        identities, policies, dispatcher, recorder, limits.maxBodyBytes())));
  }

  @Override
  public void close() {
    handlers.close();
  }
}
