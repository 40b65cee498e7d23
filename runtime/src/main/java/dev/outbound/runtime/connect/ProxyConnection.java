package dev.outbound.runtime.connect;

import io.helidon.common.buffers.DataReader;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.spi.ServerConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A proxy connection until its first bytes are read: those of {@code CONNECT } make it a
 * {@link ConnectConnection}, anything else Helidon's HTTP/1. Deciding here rather than in the selector
 * keeps a client that is slow to send them under the listener's idle timeout.
 */
final class ProxyConnection implements ServerConnection {

    private static final byte[] CONNECT = "CONNECT ".getBytes(StandardCharsets.US_ASCII);

    private final ConnectionContext ctx;
    private final ProxyConnectionSelector selector;
    private final long createdNanos = System.nanoTime();
    private volatile ServerConnection chosen;

    ProxyConnection(ConnectionContext ctx, ProxyConnectionSelector selector) {
        this.ctx = ctx;
        this.selector = selector;
    }

    @Override
    public void handle(Limit limit) throws InterruptedException {
        boolean connect;
        try {
            connect = ctx.dataReader().startsWith(CONNECT);
        } catch (DataReader.InsufficientDataAvailableException e) {
            return; // closed before sending anything
        }
        ServerConnection connection = connect ? selector.connect(ctx) : selector.http1(ctx);
        chosen = connection;
        connection.handle(limit);
    }

    @Override
    public Duration idleTime() {
        ServerConnection connection = chosen;
        return connection != null ? connection.idleTime() : Duration.ofNanos(System.nanoTime() - createdNanos);
    }

    @Override
    public void close(boolean interrupt) {
        ServerConnection connection = chosen;
        if (connection != null) {
            connection.close(interrupt);
        } else {
            ctx.serverSocket().close();
        }
    }
}
