package dev.outbound.runtime.tls;

import dev.outbound.host.HostNormalizer;
import dev.outbound.host.InvalidHostException;
import java.util.Optional;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLSession;

/** The SNI host name of a ClientHello, normalised like every other host the proxy sees. */
final class ServerNames {

  private static final int HTTPS_PORT = 443;

  private ServerNames() {}

  /** The normalised host, or empty for a name that is not a host name or does not normalise. */
  static Optional<String> host(SNIServerName serverName) {
    if (!(serverName instanceof SNIHostName hostName)) {
      return Optional.empty();
    }
    try {
      return Optional.of(HostNormalizer.normalize(hostName.getAsciiName(), HTTPS_PORT).host());
    } catch (InvalidHostException e) {
      return Optional.empty();
    }
  }

  /** The host the client asked for in the handshake under way, if it sent SNI. */
  static Optional<String> requested(SSLSession handshakeSession) {
    if (!(handshakeSession instanceof ExtendedSSLSession session)) {
      return Optional.empty();
    }
    return session.getRequestedServerNames().stream()
        .map(ServerNames::host)
        .flatMap(Optional::stream)
        .findFirst();
  }
}
