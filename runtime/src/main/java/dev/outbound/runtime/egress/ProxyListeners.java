package dev.outbound.runtime.egress;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The addresses this proxy listens on, including per-container listeners that come and go, so that
 * the egress guard can refuse to send a request back into the proxy.
 */
public final class ProxyListeners {

  private final Set<InetSocketAddress> addresses = ConcurrentHashMap.newKeySet();

  private ProxyListeners() {}

  public static ProxyListeners of(Collection<InetSocketAddress> addresses) {
    ProxyListeners listeners = new ProxyListeners();
    addresses.forEach(listeners::add);
    return listeners;
  }

  public static ProxyListeners none() {
    return new ProxyListeners();
  }

  public void add(InetSocketAddress address) {
    addresses.add(address);
  }

  public void remove(InetSocketAddress address) {
    addresses.remove(address);
  }

  /** Whether some listener uses this port, on whatever address it is bound to. */
  boolean includesPort(int port) {
    for (InetSocketAddress address : addresses) {
      if (address.getPort() == port) {
        return true;
      }
    }
    return false;
  }
}
