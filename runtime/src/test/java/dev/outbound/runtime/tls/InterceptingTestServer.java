package dev.outbound.runtime.tls;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.net.ssl.SSLSocket;

/**
 * A server on 127.0.0.1 that does what the CONNECT code will do after its {@code 200}: wraps each
 * accepted socket with {@link InterceptingSslContext#wrapServerSide}, then answers one HTTP request
 * with the name in the leaf it served. Each handshake's outcome is queued for the test to check.
 */
final class InterceptingTestServer implements AutoCloseable {

  static final int READ_TIMEOUT_MILLIS = 7_000;

  /** What the server side saw: a handshake, or the exception that ended it. */
  record Outcome(
      String servedName,
      String protocol,
      String applicationProtocol,
      int readTimeoutAfterHandshake,
      boolean tcpNoDelay,
      IOException failure,
      boolean plainSocketClosed) {}

  private final InterceptingSslContext context;
  private final String connectHost;
  private final Predicate<String> serverNameAllowed;
  private final ServerSocket listener;
  private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();

  InterceptingTestServer(
      InterceptingSslContext context, String connectHost, Predicate<String> serverNameAllowed)
      throws IOException {
    this.context = context;
    this.connectHost = connectHost;
    this.serverNameAllowed = serverNameAllowed;
    this.listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    Thread.ofVirtual().start(this::acceptUntilClosed);
  }

  int port() {
    return listener.getLocalPort();
  }

  Outcome nextOutcome() throws InterruptedException {
    Outcome outcome = outcomes.poll(15, TimeUnit.SECONDS);
    assertNotNull(outcome, "the server side finished no handshake within 15 s");
    return outcome;
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }

  private void acceptUntilClosed() {
    while (!listener.isClosed()) {
      try {
        Socket plain = listener.accept();
        Thread.ofVirtual().start(() -> serve(plain));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket plain) {
    SSLSocket tls;
    try {
      plain.setSoTimeout(READ_TIMEOUT_MILLIS);
      tls = context.wrapServerSide(plain, connectHost, serverNameAllowed);
    } catch (IOException e) {
      outcomes.add(new Outcome(null, null, null, -1, false, e, plain.isClosed()));
      return;
    }
    try (tls) {
      String servedName = servedName(tls);
      outcomes.add(
          new Outcome(
              servedName,
              tls.getSession().getProtocol(),
              tls.getApplicationProtocol(),
              tls.getSoTimeout(),
              tls.getTcpNoDelay(),
              null,
              false));
      answerOneRequest(tls, servedName);
    } catch (IOException clientWentAway) {
      // Clients such as openssl s_client hang up without a request; nothing to answer then.
    }
  }

  private static String servedName(SSLSocket tls) throws IOException {
    X509Certificate leaf = (X509Certificate) tls.getSession().getLocalCertificates()[0];
    try {
      return (String) leaf.getSubjectAlternativeNames().iterator().next().get(1);
    } catch (CertificateParsingException e) {
      throw new IOException(e);
    }
  }

  private static void answerOneRequest(SSLSocket tls, String servedName) throws IOException {
    if (!readRequestHead(tls.getInputStream())) {
      return;
    }
    byte[] body = ("served " + servedName + "\n").getBytes(StandardCharsets.US_ASCII);
    String head =
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    OutputStream out = tls.getOutputStream();
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  /** Reads up to the blank line that ends a request head; false when the client sent none. */
  private static boolean readRequestHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (head.size() < 16_384) {
      int b = in.read();
      if (b < 0) {
        return false;
      }
      head.write(b);
      if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
        return true;
      }
    }
    return false;
  }
}
