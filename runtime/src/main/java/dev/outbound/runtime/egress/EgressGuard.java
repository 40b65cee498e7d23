package dev.outbound.runtime.egress;

import dev.outbound.host.Authority;
import dev.outbound.host.HostNormalizer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/**
 * The one egress guard (SPEC §4.5), used by internet passthrough, {@code ctx.fetch} and CONNECT
 * tunnels alike. It resolves a name once, refuses it if any of its addresses is not public or is
 * this proxy's own listener, unless an IP or CIDR exception names that address, and hands back the
 * address to connect to.
 */
public final class EgressGuard {

  private static final String HOW_TO_ALLOW = "allow it with an IP or CIDR entry in allowedHosts";

  private final Resolver resolver;
  private final ProxyListeners proxyListeners;

  public EgressGuard(Resolver resolver, ProxyListeners proxyListeners) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.proxyListeners = Objects.requireNonNull(proxyListeners, "proxyListeners");
  }

  /**
   * Vets a destination.
   *
   * @throws EgressDeniedException when one of its addresses may not be reached
   * @throws DestinationUnreachableException when the name does not resolve
   */
  public Destination vet(Authority authority, EgressExceptions allowed)
      throws EgressDeniedException, DestinationUnreachableException {
    InetAddress chosen = null;
    // Every address is checked, not just the one dialled: a name that mixes public and
    // private answers is how DNS rebinding tries its luck.
    for (InetAddress resolved : addressesOf(authority)) {
      // An IP literal is already its own canonical target, and its address has no scope.
      InetAddress address = authority.isIpLiteral() ? resolved : withoutScope(resolved);
      Authority target =
          authority.isIpLiteral()
              ? authority
              : HostNormalizer.normalize(address.getHostAddress(), authority.port());
      AddressClass addressClass = AddressClassifier.classify(address);
      if (addressClass != AddressClass.PUBLIC && !allowed.allows(target)) {
        throw new EgressDeniedException(
            authority,
            address,
            addressClass,
            describe(authority, target) + addressClass.description() + "; " + HOW_TO_ALLOW);
      }
      if (isProxyListener(address, authority.port()) && !allowed.allowsExactPort(target)) {
        throw new EgressDeniedException(
            authority,
            address,
            addressClass,
            describe(authority, target)
                + "this proxy's own listener on port "
                + authority.port()
                + "; allow it with an IP or CIDR entry with port "
                + authority.port()
                + " in allowedHosts");
      }
      if (chosen == null) {
        chosen = address;
      }
    }
    return new Destination(authority, new InetSocketAddress(chosen, authority.port()));
  }

  private List<InetAddress> addressesOf(Authority authority)
      throws DestinationUnreachableException {
    try {
      if (authority.isIpLiteral()) {
        return List.of(InetAddress.getByAddress(authority.address()));
      }
      List<InetAddress> addresses = resolver.resolve(authority.host());
      if (addresses.isEmpty()) {
        throw new UnknownHostException(authority.host() + " has no addresses");
      }
      return addresses;
    } catch (UnknownHostException e) {
      throw new DestinationUnreachableException("could not resolve " + authority.host(), e);
    }
  }

  /**
   * The same address without an IPv6 zone, and IPv4-mapped IPv6 as IPv4: what is vetted is dialled.
   */
  private static InetAddress withoutScope(InetAddress address)
      throws DestinationUnreachableException {
    try {
      return InetAddress.getByAddress(address.getAddress());
    } catch (UnknownHostException e) {
      throw new DestinationUnreachableException("resolver returned a malformed address", e);
    }
  }

  /** A listener port on any local address: a request would come straight back into the proxy. */
  private boolean isProxyListener(InetAddress address, int port) {
    return proxyListeners.includesPort(port) && isLocal(address);
  }

  private static boolean isLocal(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
      return true;
    }
    try {
      return NetworkInterface.getByInetAddress(address) != null;
    } catch (SocketException e) {
      return true; // cannot tell: refuse rather than risk a loop
    }
  }

  private static String describe(Authority authority, Authority target) {
    return authority.isIpLiteral()
        ? target.host() + " is "
        : authority.host() + " resolves to " + target.host() + ", which is ";
  }
}
