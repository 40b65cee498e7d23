package dev.outbound.runtime.sandbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** Copies bytes both ways between a sandbox's connection and the server's until both sides are done. */
final class Pipe {

    private static final int BUFFER_BYTES = 16 * 1024;

    private Pipe() {
    }

    /** Blocks until both directions end; closes both connections. */
    static void run(SocketChannel sandbox, SocketChannel server) {
        try (sandbox; server) {
            Thread toSandbox = Thread.ofVirtual().start(() -> copy(server, sandbox));
            copy(sandbox, server);
            toSandbox.join();
        } catch (IOException | InterruptedException e) {
            // one side went away: closing both is all there is to do
        }
    }

    /** Passes on the end of one direction as a half-close, so that the other can still finish. */
    private static void copy(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already broken
        }
    }
}
