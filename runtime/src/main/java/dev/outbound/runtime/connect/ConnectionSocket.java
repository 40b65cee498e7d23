package dev.outbound.runtime.connect;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.webserver.ConnectionContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The container's connection, as Helidon accepted it, seen as a {@link Socket}: what the JDK's
 * {@code SSLSocket} is layered over when a tunnel is intercepted, and one end of a plain tunnel. Reads go
 * through Helidon's reader first, so bytes the client sent right after its {@code CONNECT} are not lost.
 *
 * <p>Helidon's socket has no read timeout and no half-close, so a read timeout ({@link #setSoTimeout}, as
 * the TLS handshake uses) closes the connection when it runs out, and {@link #shutdownOutput} only stops
 * writing: the container sees the end when the connection closes.
 */
final class ConnectionSocket extends Socket {

    private final ConnectionContext connection;
    private final DataReader reader;
    private final InputStream input = new Input();
    private final OutputStream output = new Output();
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong bytesWritten = new AtomicLong();
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile int readTimeoutMillis;
    private volatile boolean closed;
    private volatile boolean timedOut;
    private volatile boolean inputShutdown;
    private volatile boolean outputShutdown;

    ConnectionSocket(ConnectionContext connection) {
        this.connection = connection;
        this.reader = connection.dataReader();
    }

    long bytesRead() {
        return bytesRead.get();
    }

    long bytesWritten() {
        return bytesWritten.get();
    }

    long lastActivityNanos() {
        return lastActivityNanos;
    }

    @Override
    public InputStream getInputStream() {
        return input;
    }

    @Override
    public OutputStream getOutputStream() {
        return output;
    }

    @Override
    public void setSoTimeout(int timeout) {
        readTimeoutMillis = timeout;
    }

    @Override
    public int getSoTimeout() {
        return readTimeoutMillis;
    }

    /** Proxy listeners set {@code TCP_NODELAY} on every connection they accept; Helidon's socket cannot change it. */
    @Override
    public void setTcpNoDelay(boolean on) {
    }

    @Override
    public boolean getTcpNoDelay() {
        return true;
    }

    @Override
    public int getSoLinger() {
        return -1;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.serverSocket().close();
        } catch (RuntimeException e) {
            // already closed by the client or by Helidon: nothing left to release
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public boolean isBound() {
        return true;
    }

    @Override
    public void shutdownInput() {
        inputShutdown = true;
    }

    @Override
    public void shutdownOutput() {
        outputShutdown = true;
    }

    @Override
    public boolean isInputShutdown() {
        return inputShutdown;
    }

    @Override
    public boolean isOutputShutdown() {
        return outputShutdown;
    }

    @Override
    public InetAddress getInetAddress() {
        return connection.remotePeer().address() instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }

    @Override
    public int getPort() {
        return connection.remotePeer().address() instanceof InetSocketAddress inet ? inet.getPort() : 0;
    }

    @Override
    public InetAddress getLocalAddress() {
        return connection.localPeer().address() instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }

    @Override
    public int getLocalPort() {
        return connection.localPeer().address() instanceof InetSocketAddress inet ? inet.getPort() : -1;
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return connection.remotePeer().address();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return connection.localPeer().address();
    }

    @Override
    public String toString() {
        return "ConnectionSocket[" + connection.remotePeer().address() + "]";
    }

    /** Closes the connection if the read has not finished in time; the returned thread is interrupted when it has. */
    private Thread closeAfter(int millis) {
        return Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            timedOut = true;
            close();
        });
    }

    private final class Input extends InputStream {

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (inputShutdown) {
                return -1;
            }
            int timeout = readTimeoutMillis;
            Thread watchdog = timeout > 0 ? closeAfter(timeout) : null;
            try {
                reader.ensureAvailable();
                int count = Math.min(length, reader.available());
                reader.readBuffer(count).read(buffer, offset, count);
                bytesRead.addAndGet(count);
                lastActivityNanos = System.nanoTime();
                return count;
            } catch (DataReader.InsufficientDataAvailableException e) {
                return -1;
            } catch (RuntimeException e) {
                if (timedOut) {
                    throw new SocketTimeoutException("no data from the container for " + timeout + " ms");
                }
                throw new IOException("reading from the container failed", e);
            } finally {
                if (watchdog != null) {
                    watchdog.interrupt();
                }
            }
        }
    }

    private final class Output extends OutputStream {

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            if (outputShutdown || closed) {
                throw new IOException("the connection to the container is closed for writing");
            }
            try {
                // a copy: Helidon may still hold the buffer once this returns, the caller reuses it
                connection.dataWriter().writeNow(BufferData.create(Arrays.copyOfRange(buffer, offset, offset + length)));
            } catch (RuntimeException e) {
                throw new IOException("writing to the container failed", e);
            }
            bytesWritten.addAndGet(length);
            lastActivityNanos = System.nanoTime();
        }
    }
}
