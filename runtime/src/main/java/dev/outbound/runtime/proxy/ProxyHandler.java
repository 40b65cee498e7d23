package dev.outbound.runtime.proxy;

import dev.outbound.Headers;
import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;
import dev.outbound.host.Authority;
import dev.outbound.host.HostNormalizer;
import dev.outbound.host.InvalidHostException;
import dev.outbound.runtime.identity.ContainerInstance;
import dev.outbound.runtime.policy.Decision;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * The container-facing side of the proxy: every request on a proxy listener comes here. It finds the
 * instance (or answers {@code 407}), reads the destination from the request line (never from
 * {@code Host}), and hands the request to the {@link Dispatcher}.
 */
public final class ProxyHandler implements Handler {

    private static final String CLASS_NOT_LOADED = "class-not-loaded";

    private final IdentitySource identities;
    private final InstancePolicies policies;
    private final Dispatcher dispatcher;
    private final EgressRecorder recorder;
    private final long maxBodyBytes;

    ProxyHandler(IdentitySource identities, InstancePolicies policies, Dispatcher dispatcher, EgressRecorder recorder,
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
        Optional<ContainerInstance> identified = identities.identify(request);
        if (identified.isEmpty()) {
            recorder.unattributed("unauthenticated");
            boolean unreadBody = hasBody(request);
            ResponseWriter.write(ProxyErrors.proxyAuthenticationRequired(
                    "this proxy needs the credentials of a registered container: use the proxyUrl it was given"),
                    response, unreadBody);
            closeConnectionIf(unreadBody);
            return;
        }
        ContainerInstance instance = identified.get();
        Optional<InstancePolicies.Compiled<?>> compiled = policies.forInstance(instance);
        String method = request.prologue().method().text();
        if (request.prologue().method() == Method.CONNECT) {
            connect(instance, compiled, request, response, started);
            return;
        }
        RequestTarget target;
        try {
            target = RequestTarget.parse(request.prologue().uriPath().rawPath(),
                    request.prologue().hasQuery() ? request.prologue().query().rawValue() : null,
                    request.headers().first(HeaderNames.HOST).orElse(null),
                    identities.acceptsOriginForm());
        } catch (BadTargetException e) {
            recorder.unattributed("bad-request");
            ResponseWriter.write(ProxyErrors.badRequest(e.getMessage()), response, true);
            closeConnectionIf(true);
            return;
        }
        ContainerBody body = new ContainerBody(request.content().inputStream(), maxBodyBytes);
        OutboundRequest outbound = OutboundRequest.builder(method, target.scheme(), target.authority(), target.path(),
                        target.query())
                .headers(withoutProxyCredentials(request))
                .body(body, request.headers().contentLength().orElse(hasBody(request) ? -1 : 0))
                .build();
        Outcome outcome = compiled.isEmpty()
                ? dispatcher.denied(outbound, "container class " + instance.className() + " is not loaded in this server",
                        CLASS_NOT_LOADED)
                : dispatcher.dispatch(instance, compiled.get(), outbound);
        answer(instance, outbound, outcome, body, response, started);
    }

    /** HTTPS is not served yet, but a CONNECT is still checked against the policy first (SPEC §4.7). */
    private void connect(ContainerInstance instance, Optional<InstancePolicies.Compiled<?>> compiled,
            ServerRequest request, ServerResponse response, long started) {
        Authority authority;
        try {
            authority = HostNormalizer.parseAuthority(request.prologue().uriPath().rawPath(), 443);
        } catch (InvalidHostException e) {
            recorder.unattributed("bad-request");
            ResponseWriter.write(ProxyErrors.badRequest("invalid CONNECT target: " + e.getMessage()), response, true);
            closeConnectionIf(true);
            return;
        }
        OutboundRequest outbound = OutboundRequest.builder("CONNECT", "https", authority, "/", null).build();
        Outcome outcome;
        if (compiled.isEmpty()) {
            outcome = dispatcher.denied(outbound, "container class " + instance.className()
                    + " is not loaded in this server", CLASS_NOT_LOADED);
        } else if (compiled.get().policy().decide(authority) instanceof Decision.Deny deny) {
            outcome = dispatcher.denied(outbound, deny.reason(), deny.rule());
        } else {
            outcome = new Outcome(ProxyErrors.connectNotSupported(), Outcome.ERROR, "connect-not-supported", null, true);
        }
        answer(instance, outbound, outcome, new ContainerBody(java.io.InputStream.nullInputStream(), maxBodyBytes), response, started);
    }

    private void answer(ContainerInstance instance, OutboundRequest outbound, Outcome outcome,
            ContainerBody body, ServerResponse response, long started) {
        long written = 0;
        OutboundResponse answer = outcome.response();
        try {
            written = ResponseWriter.write(answer, response, outcome.closeConnection());
        } finally {
            recorder.record(instance, outbound, outcome, answer.status(), body.count(), written,
                    System.nanoTime() - started);
        }
        closeConnectionIf(outcome.closeConnection());
    }

    /**
     * Helidon only marks a response {@code Connection: close}; ending the exchange this way makes it
     * really close the socket, so that an unread body or a malformed request cannot be read as the next one.
     */
    private static void closeConnectionIf(boolean close) {
        if (close) {
            throw new CloseConnectionException("answered with Connection: close");
        }
    }

    /** The container's headers minus its proxy credentials, which no handler or destination may see. */
    private static Headers withoutProxyCredentials(ServerRequest request) {
        Headers.Builder headers = Headers.builder();
        for (Header header : request.headers()) {
            if (!header.headerName().equals(HeaderNames.PROXY_AUTHORIZATION)) {
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
