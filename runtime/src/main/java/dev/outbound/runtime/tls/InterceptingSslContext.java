package dev.outbound.runtime.tls;

import dev.outbound.runtime.lazy.FirstUse;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * Terminates TLS on intercepted CONNECT tunnels with a leaf for the name the client asked for.
 *
 * <p>The leaf is chosen by the SNI name of the ClientHello, or by the CONNECT host when the client
 * sends no SNI (clients do not send it for IP addresses). TLS 1.2 and 1.3 are offered, and ALPN
 * selects {@code http/1.1} only, since the tunnel's requests are read as HTTP/1.1.
 */
public final class InterceptingSslContext {

  private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
  private static final String[] APPLICATION_PROTOCOLS = {"http/1.1"};

  private final SniKeyManager keyManager;
  // made at the first interception, so that a start loads no TLS implementation
  private final FirstUse<SSLSocketFactory> socketFactory = new FirstUse<>("TLS interception");
  private final int handshakeTimeoutMillis;

  /**
   * @param handshakeTimeout the longest wait for each read during the handshake, so a client that
   *     never speaks TLS cannot hold a connection open
   */
  public InterceptingSslContext(LeafCertificates leaves, Duration handshakeTimeout) {
    this.keyManager = new SniKeyManager(leaves);
    this.handshakeTimeoutMillis = Math.toIntExact(handshakeTimeout.toMillis());
  }

  /**
   * Layers server-side TLS over an accepted socket that has already been answered {@code 200} to
   * its CONNECT, and completes the handshake.
   *
   * @param plain the client connection, positioned at the first byte of the ClientHello
   * @param connectHost the normalised CONNECT host, whose leaf is used when the client sends no SNI
   * @param serverNameAllowed policy for the normalised SNI name; the handshake fails for a name it
   *     refuses, since a client may ask for another host inside the tunnel than in its CONNECT
   * @return the TLS socket, handshake done, with the plain socket's read timeout restored and
   *     {@code TCP_NODELAY} set
   * @throws SniDeniedException when {@code serverNameAllowed} refused the SNI name
   * @throws IOException when the handshake fails for any other reason (the client does not speak
   *     TLS, is silent for longer than the handshake timeout, or rejects the leaf); both sockets
   *     are closed
   */
  public SSLSocket wrapServerSide(
      Socket plain, String connectHost, Predicate<String> serverNameAllowed) throws IOException {
    SSLSocket tls = (SSLSocket) socketFactory().createSocket(plain, null, true);
    SniPolicyMatcher policy = new SniPolicyMatcher(serverNameAllowed);
    tls.setSSLParameters(parameters(tls.getSSLParameters(), policy));
    int readTimeout = plain.getSoTimeout();
    keyManager.expectHandshake(tls, connectHost);
    try {
      // The handshake is several small writes; with Nagle's algorithm each waits for a delayed ACK.
      plain.setTcpNoDelay(true);
      plain.setSoTimeout(handshakeTimeoutMillis);
      tls.startHandshake();
      plain.setSoTimeout(readTimeout);
      return tls;
    } catch (IOException e) {
      tls.close();
      if (e instanceof SSLException && policy.deniedName().isPresent()) {
        throw new SniDeniedException(policy.deniedName().get(), e);
      }
      throw e;
    } finally {
      keyManager.handshakeEnded(tls);
    }
  }

  private SSLSocketFactory socketFactory() {
    return socketFactory.get(() -> sslContext(keyManager).getSocketFactory());
  }

  private static SSLParameters parameters(SSLParameters defaults, SniPolicyMatcher policy) {
    defaults.setProtocols(PROTOCOLS);
    defaults.setApplicationProtocols(APPLICATION_PROTOCOLS);
    defaults.setSNIMatchers(List.of(policy));
    return defaults;
  }

  private static SSLContext sslContext(KeyManager keyManager) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      // Clients are not asked for certificates, so no trust anchors: null would load the JVM's.
      context.init(new KeyManager[] {keyManager}, new TrustManager[0], null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK provides a TLS SSLContext", e);
    }
  }
}
