package dev.outbound.runtime.proxy;

import dev.outbound.runtime.config.Limits;
import io.helidon.webserver.ErrorHandling;
import io.helidon.webserver.ListenerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;

/**
 * The proxy as the server mounts it: one dispatcher and handler pool shared by every proxy listener,
 * and the settings each such listener needs (limits, error answers).
 */
public final class Proxy implements AutoCloseable {

    private final InstancePolicies policies;
    private final Dispatcher dispatcher;
    private final EgressRecorder recorder;
    private final HandlerRunner handlers;
    private final Limits limits;

    public Proxy(InstancePolicies policies, Passthrough passthrough, EgressRecorder recorder, Limits limits,
            int denialStatus) {
        this.policies = policies;
        this.recorder = recorder;
        this.limits = limits;
        this.handlers = new HandlerRunner(limits.handlerTimeout());
        this.dispatcher = new Dispatcher(passthrough, handlers, new ProxyErrors(denialStatus));
    }

    /** Sets up a listener to serve the proxy, its containers identified by {@code identities}. */
    public void configure(ListenerConfig.BuilderBase<?, ?> listener, IdentitySource identities) {
        listener.maxPayloadSize(limits.maxBodyBytes())
                // only this HTTP/1 configuration: a discovered default beside it would make Helidon guess
                // between two protocols and drop garbage without an answer
                .protocolsDiscoverServices(false)
                .addProtocol(Http1Config.builder()
                        .maxHeadersSize(limits.maxHeaderBytes())
                        // request lines carry whole URLs here, so they get the header budget too
                        .maxPrologueLength(limits.maxHeaderBytes())
                        .build())
                // Helidon's own rejections pass their message on, so that 431 can be told from 400
                .errorHandling(ErrorHandling.builder().includeEntity(true).build())
                .directHandlers(ProxyDirectHandler.all(limits.maxHeaderBytes(), limits.maxBodyBytes()))
                .routing(HttpRouting.builder().any(
                        new ProxyHandler(identities, policies, dispatcher, recorder, limits.maxBodyBytes())));
    }

    @Override
    public void close() {
        handlers.close();
    }
}
