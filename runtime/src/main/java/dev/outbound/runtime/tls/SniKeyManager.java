package dev.outbound.runtime.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Chooses the leaf for a server handshake: the SNI name of the ClientHello, or the name registered
 * for the socket (the CONNECT host) when the client sent none. An alias is the host name itself, so
 * the JDK's alias-then-key-then-chain calls go straight to the leaf cache.
 */
final class SniKeyManager extends X509ExtendedKeyManager {

  private final LeafCertificates leaves;
  private final Map<Socket, String> fallbackNames = new ConcurrentHashMap<>();

  SniKeyManager(LeafCertificates leaves) {
    this.leaves = leaves;
  }

  void expectHandshake(SSLSocket socket, String fallbackName) {
    fallbackNames.put(socket, fallbackName);
  }

  void handshakeEnded(SSLSocket socket) {
    fallbackNames.remove(socket);
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    // Leaves have EC keys; the JDK asks per key type and an RSA answer would be a broken handshake.
    if (!Certificates.KEY_ALGORITHM.equals(keyType) || !(socket instanceof SSLSocket tls)) {
      return null;
    }
    return ServerNames.requested(tls.getHandshakeSession()).orElse(fallbackNames.get(socket));
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    // The leaf alone: clients hold the CA as a trust anchor, so sending it would only cost bytes.
    return new X509Certificate[] {leaves.leafFor(alias).certificate()};
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return leaves.leafFor(alias).privateKey();
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return null; // leaves exist per requested name, there is no list to give
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
    return null;
  }
}
