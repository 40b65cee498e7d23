package dev.outbound.runtime.connect;

import dev.outbound.OutboundResponse;
import dev.outbound.host.Authority;
import dev.outbound.host.HostNormalizer;
import dev.outbound.host.InvalidHostException;
import dev.outbound.runtime.egress.EgressDeniedException;
import dev.outbound.runtime.identity.ContainerInstance;
import dev.outbound.runtime.policy.Decision;
import dev.outbound.runtime.proxy.ErrorIds;
import dev.outbound.runtime.proxy.IdentitySource;
import dev.outbound.runtime.proxy.InstancePolicies;
import dev.outbound.runtime.proxy.InterceptedTunnel;
import dev.outbound.runtime.proxy.ProxyErrors;
import dev.outbound.runtime.tls.SniDeniedException;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.common.context.Context;
import io.helidon.common.context.Contexts;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.spi.ServerConnection;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLSocket;

/**
 * One connection that began with {@code CONNECT}: it is identified and checked against the instance's
 * policy (SPEC §4.4 with scheme {@code https}) before anything else, then refused, tunnelled to the vetted
 * address, or intercepted. Whatever happens, the instance gets one egress record for the {@code CONNECT}.
 */
final class ConnectConnection implements ServerConnection {

    private static final System.Logger LOG = System.getLogger(ConnectConnection.class.getName());
    private static final int HTTPS_PORT = 443;
    private static final String DENIED = "denied";
    // a plain tunnel is internet passthrough, decided by the same rules
    private static final String TUNNEL = "internet";
    private static final String INTERCEPTED = "intercepted";
    private static final String ERROR = "error";

    private final HttpsConnect https;
    private final IdentitySource identities;
    private final ConnectionContext ctx;
    private final ProxyConnectionSelector selector;
    private final ConnectionSocket socket;
    private final long started = System.nanoTime();
    private volatile Tunnel tunnel;
    private volatile ServerConnection intercepted;

    ConnectConnection(HttpsConnect https, IdentitySource identities, ConnectionContext ctx, ProxyConnectionSelector selector) {
        this.https = https;
        this.identities = identities;
        this.ctx = ctx;
        this.selector = selector;
        this.socket = new ConnectionSocket(ctx);
    }

    @Override
    public void handle(Limit limit) throws InterruptedException {
        ConnectHead head;
        Authority authority;
        try {
            head = ConnectHead.read(ctx.dataReader(), https.maxHeaderBytes());
            authority = authority(head.target());
        } catch (BadConnectException e) {
            https.recorder().unattributed("bad-request");
            ConnectAnswer.refusal(e.answer(), ctx.dataWriter());
            return;
        } catch (DataReader.InsufficientDataAvailableException e) {
            return; // the client left before its CONNECT was complete
        }
        Optional<ContainerInstance> identified = identities.identify(head.headers());
        if (identified.isEmpty()) {
            https.recorder().unattributed("unauthenticated");
            ConnectAnswer.refusal(ProxyErrors.proxyAuthenticationRequired(
                    "this proxy needs the credentials of a registered container: use the proxyUrl it was given"),
                    ctx.dataWriter());
            return;
        }
        ContainerInstance instance = identified.get();
        Optional<InstancePolicies.Compiled<?>> policy = https.policies().forInstance(instance);
        if (policy.isEmpty()) {
            refuse(instance, authority, "container class " + instance.className() + " is not loaded in this server",
                    "class-not-loaded");
            return;
        }
        Decision decision = policy.get().policy().decideConnect(authority);
        if (decision instanceof Decision.Deny deny) {
            refuse(instance, authority, deny.reason(), deny.rule());
        } else if (policy.get().policy().interceptHttps()) {
            intercept(instance, authority, policy.get(), limit);
        } else {
            tunnel(instance, authority, policy.get(), decision.rule());
        }
    }

    @Override
    public Duration idleTime() {
        ServerConnection inner = intercepted;
        return inner != null ? inner.idleTime() : Duration.ofNanos(System.nanoTime() - socket.lastActivityNanos());
    }

    @Override
    public void close(boolean interrupt) {
        ServerConnection inner = intercepted;
        Tunnel open = tunnel;
        if (inner != null) {
            inner.close(interrupt);
        } else if (open != null) {
            open.close();
        } else {
            socket.close();
        }
    }

    private static Authority authority(String target) {
        try {
            return HostNormalizer.parseAuthority(target, HTTPS_PORT);
        } catch (InvalidHostException e) {
            throw BadConnectException.malformed("invalid CONNECT target: " + e.getMessage());
        }
    }

    private void refuse(ContainerInstance instance, Authority authority, String reason, String rule) {
        OutboundResponse answer = https.errors().denied(authority, reason, rule);
        ConnectAnswer.refusal(answer, ctx.dataWriter());
        record(instance, authority, DENIED, rule, answer.status());
    }

    private void tunnel(ContainerInstance instance, Authority authority, InstancePolicies.Compiled<?> policy,
            String rule) throws InterruptedException {
        Socket destination;
        try {
            destination = https.dial(authority, policy.egressExceptions());
        } catch (EgressDeniedException e) {
            refuse(instance, authority, e.reason(), "egress-guard");
            return;
        } catch (IOException e) {
            String errorId = ErrorIds.next();
            LOG.log(System.Logger.Level.INFO, "error " + errorId + ": CONNECT " + authority + " unreachable: "
                    + e.getMessage());
            OutboundResponse answer = ProxyErrors.destinationUnreachable(authority, errorId);
            ConnectAnswer.refusal(answer, ctx.dataWriter());
            record(instance, authority, TUNNEL, rule, answer.status());
            return;
        }
        Tunnel opened = new Tunnel(socket, destination);
        tunnel = opened;
        try {
            ConnectAnswer.established(ctx.dataWriter());
            opened.run();
        } finally {
            opened.close();
            record(instance, authority, TUNNEL, rule, 200);
        }
    }

    /** Terminates TLS, then serves the requests inside as the listener serves plain ones, until either side ends. */
    private void intercept(ContainerInstance instance, Authority authority, InstancePolicies.Compiled<?> policy,
            Limit limit) {
        ConnectAnswer.established(ctx.dataWriter());
        SSLSocket tls;
        try {
            tls = https.tls().wrapServerSide(socket, authority.host(),
                    serverName -> allowsServerName(policy, serverName, authority.port()));
        } catch (SniDeniedException e) {
            record(instance, authority, DENIED, "sni:" + e.serverName(), 200);
            return;
        } catch (IOException e) {
            // a client that does not speak TLS, stays silent, or does not trust the leaf
            record(instance, authority, ERROR, "tls-handshake", 200);
            return;
        }
        Context context = Context.create(ctx.listenerContext().context());
        context.register(new InterceptedTunnel(instance, authority));
        try {
            intercepted = selector.http1(new TunnelConnectionContext(ctx, tls));
            Contexts.runInContext(context, () -> serveIntercepted(limit));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "intercepted tunnel to " + authority + " failed", e);
        } finally {
            closeQuietly(tls);
            record(instance, authority, INTERCEPTED, "interceptHttps", 200);
        }
    }

    /** The SNI name may differ from the CONNECT host; no leaf is minted for one the policy refuses. */
    private static boolean allowsServerName(InstancePolicies.Compiled<?> policy, String serverName, int port) {
        try {
            return !(policy.policy().decideConnect(HostNormalizer.normalize(serverName, port)) instanceof Decision.Deny);
        } catch (InvalidHostException e) {
            return false;
        }
    }

    private void serveIntercepted(Limit limit) {
        try {
            intercepted.handle(limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void record(ContainerInstance instance, Authority authority, String decision, String rule, int status) {
        https.recorder().connect(instance, authority, decision, rule, status, socket.bytesRead(),
                socket.bytesWritten(), System.nanoTime() - started);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // the tunnel is over either way
        }
    }
}
