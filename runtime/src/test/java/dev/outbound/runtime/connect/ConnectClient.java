package dev.outbound.runtime.connect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** A client that sends a CONNECT by hand, reads the proxy's answer head, and can then start TLS itself. */
final class ConnectClient implements AutoCloseable {

    final Socket socket;
    final String head;

    private ConnectClient(Socket socket, String head) {
        this.socket = socket;
        this.head = head;
    }

    /** Sends the request text as given and reads the answer head (up to the empty line). */
    static ConnectClient send(int proxyPort, String request) throws IOException {
        Socket socket = new Socket("127.0.0.1", proxyPort);
        socket.setSoTimeout(15_000);
        socket.setTcpNoDelay(true);
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return new ConnectClient(socket, readHead(socket.getInputStream()));
    }

    static ConnectClient connect(int proxyPort, String target, String proxyAuthorization) throws IOException {
        return send(proxyPort, "CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n"
                + (proxyAuthorization == null ? "" : "Proxy-Authorization: " + proxyAuthorization + "\r\n") + "\r\n");
    }

    int status() {
        return head.isEmpty() ? -1 : Integer.parseInt(head.substring(9, 12));
    }

    /** The rest of the answer after its head, up to the end of the connection. */
    String rest() throws IOException {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Whether the proxy closed the connection (end of stream) within the socket's read timeout. */
    boolean closedByProxy() throws IOException {
        try {
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // drain whatever answer is left
            }
            return true;
        } catch (java.net.SocketException e) {
            return true; // reset counts as closed
        }
    }

    /** TLS over the tunnel, trusting only {@code caPem}, with the given SNI name (or none when null). */
    SSLSocket startTls(String caPem, String serverName) throws IOException, GeneralSecurityException {
        SSLSocket tls = (SSLSocket) trusting(caPem).getSocketFactory()
                .createSocket(socket, serverName == null ? "127.0.0.1" : serverName, 443, true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setServerNames(serverName == null ? List.of() : List.of(new SNIHostName(serverName)));
        parameters.setEndpointIdentificationAlgorithm(serverName == null ? null : "HTTPS");
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }

    static SSLContext trusting(String caPem) throws GeneralSecurityException, IOException {
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)));
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        anchors.load(null, null);
        anchors.setCertificateEntry("outbound", ca);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
