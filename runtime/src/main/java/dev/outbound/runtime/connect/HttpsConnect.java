package dev.outbound.runtime.connect;

import dev.outbound.host.Authority;
import dev.outbound.runtime.egress.Destination;
import dev.outbound.runtime.egress.EgressExceptions;
import dev.outbound.runtime.egress.EgressGuard;
import dev.outbound.runtime.proxy.EgressRecorder;
import dev.outbound.runtime.proxy.IdentitySource;
import dev.outbound.runtime.proxy.InstancePolicies;
import dev.outbound.runtime.proxy.ProxyErrors;
import dev.outbound.runtime.tls.InterceptingSslContext;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;

/**
 * {@code CONNECT} as every proxy listener serves it: what all its tunnels share, and a selector per
 * listener ({@link #selector}), which knows how that listener identifies containers and hands every
 * other connection to HTTP/1.
 */
public final class HttpsConnect {

    private final InstancePolicies policies;
    private final EgressGuard guard;
    private final InterceptingSslContext tls;
    private final EgressRecorder recorder;
    private final ProxyErrors errors;
    private final int maxHeaderBytes;
    private final int connectTimeoutMillis;

    /**
     * @param maxHeaderBytes the most bytes the {@code CONNECT} line, and its headers, may take
     * @param connectTimeout how long dialling the destination of a tunnel may take
     */
    public HttpsConnect(InstancePolicies policies, EgressGuard guard, InterceptingSslContext tls,
            EgressRecorder recorder, ProxyErrors errors, int maxHeaderBytes, Duration connectTimeout) {
        this.policies = policies;
        this.guard = guard;
        this.tls = tls;
        this.recorder = recorder;
        this.errors = errors;
        this.maxHeaderBytes = maxHeaderBytes;
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
    }

    /**
     * The connection selector of a proxy listener: {@code CONNECT} connections are served here, all others
     * by Helidon's HTTP/1 with {@code http1Config}.
     *
     * @param identities how that listener tells its containers apart
     */
    public ServerConnectionSelector selector(IdentitySource identities, Http1Config http1Config) {
        return new ProxyConnectionSelector(this, identities, http1Config);
    }

    InstancePolicies policies() {
        return policies;
    }

    InterceptingSslContext tls() {
        return tls;
    }

    EgressRecorder recorder() {
        return recorder;
    }

    ProxyErrors errors() {
        return errors;
    }

    int maxHeaderBytes() {
        return maxHeaderBytes;
    }

    /**
     * Connects to the address the egress guard vets for the authority, never to the name itself.
     *
     * @throws dev.outbound.runtime.egress.EgressDeniedException when the guard refuses it
     * @throws IOException when it cannot be resolved or reached
     */
    Socket dial(Authority authority, EgressExceptions exceptions) throws IOException {
        Destination destination = guard.vet(authority, exceptions);
        Socket socket = new Socket();
        try {
            socket.connect(destination.vetted(), connectTimeoutMillis);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
