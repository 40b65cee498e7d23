package dev.outbound.runtime.tls;

import javax.net.ssl.SSLHandshakeException;

/** A TLS handshake refused because policy denies the host name the client sent in SNI. */
public final class SniDeniedException extends SSLHandshakeException {

  private final String serverName;

  SniDeniedException(String serverName, Throwable cause) {
    super("TLS server name " + serverName + " is denied by policy", cause);
    this.serverName = serverName;
  }

  /** The normalised SNI name, or the client's raw name when it does not normalise. */
  public String serverName() {
    return serverName;
  }
}
