package dev.outbound.runtime.sandbox;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * One connection to the proxy on behalf of a sandbox.
 *
 * @param release what closing it must undo besides closing the channel (the connection's attribution)
 */
public record Upstream(SocketChannel channel, Runnable release) implements Closeable {

    @Override
    public void close() throws IOException {
        release.run();
        channel.close();
    }
}
