package dev.outbound.runtime.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A unix socket that passes every connection on to a TCP address, a virtual thread per direction: how a
 * sandbox's socket reaches a server in another process.
 */
final class ProxySocket implements AutoCloseable {

    private final ServerSocketChannel server;
    private final InetSocketAddress target;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private ProxySocket(ServerSocketChannel server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
        this.acceptor = Thread.ofVirtual().name("outbound-sandbox-socket").start(this::accept);
    }

    static ProxySocket open(Path path, InetSocketAddress target) {
        try {
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
            return new ProxySocket(server, target);
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
                    Pipe.run(connection, SocketChannel.open(target));
                } catch (IOException e) {
                    // the server cannot be reached: the client sees its connection closed
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

    private static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
    }
}
