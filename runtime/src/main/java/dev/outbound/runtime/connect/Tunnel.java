package dev.outbound.runtime.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Copies bytes both ways between the container and the destination, one virtual thread per direction.
 *
 * <p>When the container finishes sending, the destination gets a real half-close and its answer still
 * flows back. When the destination finishes, the container's connection is closed after the last byte,
 * since Helidon's socket cannot be half-closed. A failure on either side closes both; a tunnel that stays
 * silent is closed by the listener's idle timeout through {@link #close()}.
 */
final class Tunnel {

    private static final int BUFFER_BYTES = 16 * 1024;

    private final ConnectionSocket container;
    private final Socket destination;

    Tunnel(ConnectionSocket container, Socket destination) {
        this.container = container;
        this.destination = destination;
    }

    /** Runs until both directions have ended. */
    void run() throws InterruptedException {
        Thread back = Thread.ofVirtual().name("outbound-tunnel-back").start(this::destinationToContainer);
        containerToDestination();
        back.join();
    }

    long bytesFromContainer() {
        return container.bytesRead();
    }

    long bytesToContainer() {
        return container.bytesWritten();
    }

    /** Every byte either way passes the container's socket, so its activity is the tunnel's. */
    long lastActivityNanos() {
        return container.lastActivityNanos();
    }

    void close() {
        container.close();
        try {
            destination.close();
        } catch (IOException e) {
            // closing is all that was wanted
        }
    }

    private void containerToDestination() {
        try {
            copy(container.getInputStream(), destination.getOutputStream());
            destination.shutdownOutput();
        } catch (IOException e) {
            close();
        }
    }

    private void destinationToContainer() {
        try {
            copy(destination.getInputStream(), container.getOutputStream());
        } catch (IOException e) {
            // the destination or the container went away; either way the tunnel is over
        } finally {
            close();
        }
    }

    private static void copy(InputStream from, OutputStream to) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        int read;
        while ((read = from.read(buffer)) >= 0) {
            to.write(buffer, 0, read);
            to.flush();
        }
    }
}
