package dev.outbound.runtime.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The unix socket one sandbox reaches the proxy through, the only thing it sees of the host's network:
 * each connection on it is piped to the instance's {@link ProxyRoute}, a virtual thread per direction.
 */
final class ProxySocket implements AutoCloseable {

    private final ServerSocketChannel server;
    private final ProxyRoute route;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private ProxySocket(ServerSocketChannel server, ProxyRoute route) {
        this.server = server;
        this.route = route;
        this.acceptor = Thread.ofVirtual().name("outbound-sandbox-socket").start(this::accept);
    }

    static ProxySocket open(Path path, ProxyRoute route) {
        try {
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
            return new ProxySocket(server, route);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + path + ": " + e.getMessage(), e);
        }
    }

    private void accept() {
        while (true) {
            SocketChannel connection;
            try {
                connection = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                continue;
            }
            open.add(connection);
            Thread.ofVirtual().start(() -> {
                try {
                    Pipe.run(connection, route.open());
                } catch (IOException e) {
                    // the proxy cannot be reached: the client sees its connection closed
                } finally {
                    closeQuietly(connection);
                    open.remove(connection);
                }
            });
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        open.forEach(ProxySocket::closeQuietly);
        try {
            acceptor.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
    }
}
