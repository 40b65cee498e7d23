package dev.outbound.runtime.connect;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.buffers.DataWriter;
import io.helidon.common.socket.PeerInfo;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ListenerContext;
import io.helidon.webserver.Router;
import io.helidon.webserver.ServerConnectionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.SSLSocket;

/**
 * What Helidon's HTTP/1 connection needs to serve requests from inside an intercepted tunnel: it reads
 * and writes the decrypted stream, and keeps the listener's context, limits, error handling and routing,
 * so that those requests take the very path of plain ones.
 */
final class TunnelConnectionContext implements ConnectionContext {

    private static final int READ_BYTES = 16 * 1024;

    private final ConnectionContext outer;
    private final DataReader reader;
    private final DataWriter writer;

    TunnelConnectionContext(ConnectionContext outer, SSLSocket tls) throws IOException {
        this.outer = outer;
        InputStream in = tls.getInputStream();
        this.reader = DataReader.create(() -> read(in));
        this.writer = new StreamWriter(tls.getOutputStream());
    }

    @Override
    public ListenerContext listenerContext() {
        return outer.listenerContext();
    }

    @Override
    public ExecutorService executor() {
        return outer.executor();
    }

    @Override
    public DataWriter dataWriter() {
        return writer;
    }

    @Override
    public DataReader dataReader() {
        return reader;
    }

    @Override
    public Router router() {
        return outer.router();
    }

    @Override
    public PeerInfo remotePeer() {
        return outer.remotePeer();
    }

    @Override
    public PeerInfo localPeer() {
        return outer.localPeer();
    }

    @Override
    public boolean isSecure() {
        return true;
    }

    @Override
    public String socketId() {
        return outer.socketId();
    }

    @Override
    public String childSocketId() {
        return outer.childSocketId();
    }

    /** The next decrypted bytes, or null at the end of the stream, as Helidon's reader expects. */
    private static byte[] read(InputStream in) {
        byte[] buffer = new byte[READ_BYTES];
        try {
            int read = in.read(buffer);
            return read < 0 ? null : Arrays.copyOf(buffer, read);
        } catch (IOException e) {
            throw new ServerConnectionException("reading from the intercepted tunnel failed", e);
        }
    }

    /** Writes each call straight through, so that every response leaves as soon as Helidon writes it. */
    private record StreamWriter(OutputStream out) implements DataWriter {

        @Override
        public void write(BufferData... buffers) {
            write(BufferData.create(buffers));
        }

        @Override
        public void write(BufferData buffer) {
            try {
                buffer.writeTo(out);
                out.flush();
            } catch (UncheckedIOException | IOException e) {
                throw new ServerConnectionException("writing to the intercepted tunnel failed", e);
            }
        }

        @Override
        public void writeNow(BufferData... buffers) {
            write(buffers);
        }

        @Override
        public void writeNow(BufferData buffer) {
            write(buffer);
        }
    }
}
