package dev.outbound.runtime.egress;

import dev.outbound.OutboundRequest;
import dev.outbound.host.Authority;
import dev.outbound.host.HostNormalizer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * How forwarder tests reach their local origins: through the real egress guard, with a resolver
 * that knows only {@code origin.test} and {@code localhost} (both 127.0.0.1) and an allow entry for
 * 127.0.0.1, as an operator would write it.
 */
final class Origins {

  private static final EgressGuard GUARD = new EgressGuard(Origins::resolve, ProxyListeners.none());
  private static final EgressExceptions ALLOW_LOOPBACK =
      EgressExceptions.from(List.of("127.0.0.1/32"));

  private Origins() {}

  static Destination vet(OutboundRequest request) throws IOException {
    return GUARD.vet(request.authority(), ALLOW_LOOPBACK);
  }

  static Authority authority(int port) {
    return HostNormalizer.parseAuthority("origin.test:" + port, 80);
  }

  private static List<InetAddress> resolve(String name) throws UnknownHostException {
    if (name.equals("origin.test") || name.equals("localhost")) {
      return List.of(InetAddress.getByAddress(name, new byte[] {127, 0, 0, 1}));
    }
    throw new UnknownHostException(name);
  }
}
