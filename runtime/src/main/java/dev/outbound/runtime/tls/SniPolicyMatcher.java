package dev.outbound.runtime.tls;

import java.util.Optional;
import java.util.function.Predicate;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.StandardConstants;

/**
 * Checks the SNI name of one connection against policy. The JDK asks it while reading the
 * ClientHello, before a certificate is chosen; a refused name fails the handshake with an {@code
 * unrecognized_name} alert, so no leaf is ever minted for it.
 */
final class SniPolicyMatcher extends SNIMatcher {

  private final Predicate<String> allowed;
  private volatile String deniedName;

  SniPolicyMatcher(Predicate<String> allowed) {
    super(StandardConstants.SNI_HOST_NAME);
    this.allowed = allowed;
  }

  @Override
  public boolean matches(SNIServerName serverName) {
    Optional<String> host = ServerNames.host(serverName);
    if (host.isPresent() && allowed.test(host.get())) {
      return true;
    }
    deniedName = host.orElseGet(() -> ((SNIHostName) serverName).getAsciiName());
    return false;
  }

  /** The name this matcher refused, if it refused one. */
  Optional<String> deniedName() {
    return Optional.ofNullable(deniedName);
  }
}
