package dev.outbound.runtime.connect;

import dev.outbound.runtime.proxy.IdentitySource;
import io.helidon.common.buffers.BufferData;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.util.Set;

/**
 * The one connection selector of a proxy listener. Each connection starts as a {@link ProxyConnection},
 * which reads the first bytes and becomes a {@code CONNECT} or a Helidon HTTP/1 connection with the
 * listener's settings. Being the only candidate, it is never asked to guess from a partial first packet,
 * and a request Helidon's HTTP/1 selector would not recognise still reaches HTTP/1 and gets its {@code 400}.
 */
final class ProxyConnectionSelector implements ServerConnectionSelector {

    private final HttpsConnect https;
    private final IdentitySource identities;
    private final Http1ConnectionSelector http1;

    ProxyConnectionSelector(HttpsConnect https, IdentitySource identities, Http1Config http1Config) {
        this.https = https;
        this.identities = identities;
        this.http1 = Http1ConnectionSelector.builder().config(http1Config).build();
    }

    @Override
    public int bytesToIdentifyConnection() {
        return 0;
    }

    @Override
    public Support supports(BufferData data) {
        return Support.SUPPORTED;
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return Set.of();
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        return new ProxyConnection(ctx, this);
    }

    ServerConnection connect(ConnectionContext ctx) {
        return new ConnectConnection(https, identities, ctx, this);
    }

    /** HTTP/1 for a plain connection, or for the decrypted stream of an intercepted tunnel. */
    ServerConnection http1(ConnectionContext ctx) {
        return http1.connection(ctx);
    }
}
