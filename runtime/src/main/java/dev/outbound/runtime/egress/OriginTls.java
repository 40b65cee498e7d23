package dev.outbound.runtime.egress;

import dev.outbound.host.Authority;
import dev.outbound.runtime.lazy.FirstUse;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS towards origins: the JVM's trust anchors plus configured extra certificates, SNI and hostname
 * verification against the name the request used, over a socket already connected to the vetted
 * address.
 */
final class OriginTls {

  private final List<X509Certificate> extraTrusted;
  // made at the first handshake: loading the JVM's trust anchors is a tenth of a server's start
  private final FirstUse<SSLSocketFactory> factory = new FirstUse<>("origin TLS");

  OriginTls(List<X509Certificate> extraTrusted) {
    this.extraTrusted = List.copyOf(extraTrusted);
  }

  private SSLSocketFactory factory() throws IOException {
    return factory.get(
        () -> {
          try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers(extraTrusted), null);
            return context.getSocketFactory();
          } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS for origins: " + e.getMessage(), e);
          }
        });
  }

  /**
   * Starts TLS on a connected socket and completes the handshake, verifying the certificate for the
   * authority.
   */
  SSLSocket handshake(Socket connected, Authority authority) throws IOException {
    String peerHost =
        authority.isIpLiteral() ? withoutBrackets(authority.host()) : authority.host();
    SSLSocket socket =
        (SSLSocket) factory().createSocket(connected, peerHost, authority.port(), true);
    SSLParameters parameters = socket.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    parameters.setServerNames(serverNames(authority));
    socket.setSSLParameters(parameters);
    socket.startHandshake();
    return socket;
  }

  /**
   * SNI carries names only; a name SNI cannot express (such as one with '_') is still verified,
   * just not sent.
   */
  private static List<SNIServerName> serverNames(Authority authority) {
    if (authority.isIpLiteral()) {
      return List.of();
    }
    try {
      return List.of(new SNIHostName(authority.host()));
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  /**
   * One trust store holding the default anchors and the extra certificates, so one PKIX trust
   * manager checks the chain and the host name together.
   */
  private static TrustManager[] trustManagers(List<X509Certificate> extraTrusted)
      throws GeneralSecurityException, IOException {
    TrustManagerFactory defaults =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    defaults.init((KeyStore) null);
    KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
    anchors.load(null, null);
    int alias = 0;
    for (TrustManager manager : defaults.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        for (X509Certificate anchor : x509.getAcceptedIssuers()) {
          anchors.setCertificateEntry("default-" + alias++, anchor);
        }
      }
    }
    for (X509Certificate extra : extraTrusted) {
      anchors.setCertificateEntry("extra-" + alias++, extra);
    }
    TrustManagerFactory merged =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    merged.init(anchors);
    return merged.getTrustManagers();
  }

  private static String withoutBrackets(String host) {
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }
}
