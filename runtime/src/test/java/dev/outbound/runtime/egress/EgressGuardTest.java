package dev.outbound.runtime.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.outbound.host.Authority;
import dev.outbound.host.HostNormalizer;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guard against a real listener on 127.0.0.1 and a fake resolver. Public addresses below are
 * only classified, never connected to.
 */
class EgressGuardTest {

  private ServerSocket origin;
  private int port;

  @BeforeEach
  void startOrigin() throws IOException {
    origin = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    port = origin.getLocalPort();
  }

  @AfterEach
  void stopOrigin() throws IOException {
    origin.close();
  }

  @Test
  void refusesALocalOriginWithoutAnAllowEntry() {
    EgressGuard guard = guard(Map.of());

    EgressDeniedException denied =
        assertThrows(
            EgressDeniedException.class,
            () -> guard.vet(authority("127.0.0.1:" + port), EgressExceptions.none()));

    assertEquals(AddressClass.LOOPBACK, denied.addressClass());
    assertEquals(
        "127.0.0.1 is loopback; allow it with an IP or CIDR entry in allowedHosts",
        denied.reason());
  }

  @Test
  void allowsALocalOriginNamedByAnAddressEntry() throws IOException {
    EgressGuard guard = guard(Map.of());

    Destination destination =
        guard.vet(authority("127.0.0.1:" + port), EgressExceptions.from(List.of("127.0.0.1/32")));

    assertEquals(new InetSocketAddress("127.0.0.1", port), destination.vetted());
    try (Socket socket = new Socket()) {
      socket.connect(destination.vetted(), 2_000); // the vetted address is the origin
    }
  }

  @Test
  void allowsACidrEntryOnlyOnItsPort() throws IOException {
    EgressGuard guard = guard(Map.of());
    Authority local = authority("127.0.0.1:" + port);

    guard.vet(local, EgressExceptions.from(List.of("127.0.0.0/8:" + port)));
    assertThrows(
        EgressDeniedException.class,
        () -> guard.vet(local, EgressExceptions.from(List.of("127.0.0.0/8:" + (port + 1)))));
  }

  @Test
  void refusesANameThatResolvesToLoopbackEvenWhenTheNameIsAllowed() {
    EgressGuard guard = guard(Map.of("origin.test", List.of(address("127.0.0.1"))));
    Authority named = authority("origin.test:" + port);

    EgressDeniedException denied =
        assertThrows(
            EgressDeniedException.class,
            () ->
                guard.vet(
                    named, EgressExceptions.from(List.of("origin.test", "*.test", "localhost"))));

    assertEquals(AddressClass.LOOPBACK, denied.addressClass());
    assertEquals(
        "origin.test resolves to 127.0.0.1, which is loopback; "
            + "allow it with an IP or CIDR entry in allowedHosts",
        denied.reason());
  }

  @Test
  void dialsTheResolvedAddressOfAnAllowedName() throws IOException {
    EgressGuard guard = guard(Map.of("origin.test", List.of(address("127.0.0.1"))));

    Destination destination =
        guard.vet(authority("origin.test:" + port), EgressExceptions.from(List.of("127.0.0.1")));

    assertEquals("origin.test", destination.authority().host());
    assertEquals(new InetSocketAddress("127.0.0.1", port), destination.vetted());
  }

  @Test
  void refusesANameWithAnyPrivateAnswerAmongPublicOnes() {
    EgressGuard guard =
        guard(
            Map.of(
                "mixed.test", List.of(address("8.8.8.8"), address("10.0.0.1")),
                "mixed-first.test", List.of(address("192.168.1.1"), address("8.8.8.8"))));

    EgressDeniedException publicFirst =
        assertThrows(
            EgressDeniedException.class,
            () -> guard.vet(authority("mixed.test"), EgressExceptions.none()));
    EgressDeniedException privateFirst =
        assertThrows(
            EgressDeniedException.class,
            () -> guard.vet(authority("mixed-first.test"), EgressExceptions.none()));

    assertEquals(AddressClass.PRIVATE, publicFirst.addressClass());
    assertEquals(address("10.0.0.1"), publicFirst.address());
    assertEquals(AddressClass.PRIVATE, privateFirst.addressClass());
  }

  @Test
  void passesAPublicNameAndDialsItsFirstAddress() throws IOException {
    EgressGuard guard =
        guard(Map.of("public.test", List.of(address("8.8.4.4"), address("8.8.8.8"))));

    Destination destination = guard.vet(authority("public.test"), EgressExceptions.none());

    assertEquals(new InetSocketAddress(address("8.8.4.4"), 80), destination.vetted());
  }

  @Test
  void refusesIpv6FormsThatEmbedAForbiddenIpv4Address() throws IOException {
    EgressGuard guard =
        guard(
            Map.of(
                "mapped.test", List.of(ipv6("::ffff:127.0.0.1")),
                "six-to-four.test", List.of(address("2002:a9fe:a9fe::1")),
                "nat64.test", List.of(address("64:ff9b::169.254.169.254"))));

    assertEquals(
        AddressClass.LOOPBACK,
        assertThrows(
                EgressDeniedException.class,
                () -> guard.vet(authority("mapped.test"), EgressExceptions.none()))
            .addressClass());
    assertEquals(
        AddressClass.LINK_LOCAL,
        assertThrows(
                EgressDeniedException.class,
                () -> guard.vet(authority("six-to-four.test"), EgressExceptions.none()))
            .addressClass());
    assertEquals(
        AddressClass.LINK_LOCAL,
        assertThrows(
                EgressDeniedException.class,
                () -> guard.vet(authority("nat64.test"), EgressExceptions.none()))
            .addressClass());
  }

  @Test
  void dialsAnIpv4MappedAnswerAsIpv4() throws IOException {
    EgressGuard guard = guard(Map.of("mapped.test", List.of(ipv6("::ffff:127.0.0.1"))));

    Destination destination =
        guard.vet(authority("mapped.test:" + port), EgressExceptions.from(List.of("127.0.0.1")));

    assertEquals(new InetSocketAddress("127.0.0.1", port), destination.vetted());
  }

  @Test
  void refusesIpv6LoopbackUnlessNamed() throws IOException {
    EgressGuard guard = guard(Map.of());
    Authority loopback = authority("[::1]:" + port);

    EgressDeniedException denied =
        assertThrows(
            EgressDeniedException.class, () -> guard.vet(loopback, EgressExceptions.none()));
    assertEquals(
        "[::1] is loopback; allow it with an IP or CIDR entry in allowedHosts", denied.reason());

    assertEquals(
        new InetSocketAddress("::1", port),
        guard.vet(loopback, EgressExceptions.from(List.of("[::1]"))).vetted());
  }

  @Test
  void refusesTheProxysOwnListenerUnlessAnEntryNamesItsPort() throws IOException {
    EgressGuard guard =
        new EgressGuard(
            fakeResolver(Map.of()),
            ProxyListeners.of(List.of(new InetSocketAddress("127.0.0.1", port))));
    Authority proxy = authority("127.0.0.1:" + port);

    EgressDeniedException denied =
        assertThrows(
            EgressDeniedException.class,
            () -> guard.vet(proxy, EgressExceptions.from(List.of("127.0.0.0/8"))));
    assertEquals(
        "127.0.0.1 is this proxy's own listener on port "
            + port
            + "; allow it with an IP or CIDR entry with port "
            + port
            + " in allowedHosts",
        denied.reason());

    guard.vet(proxy, EgressExceptions.from(List.of("127.0.0.1:" + port)));
  }

  @Test
  void refusesAnyLocalAddressOnAWildcardListenersPort() {
    EgressGuard guard =
        new EgressGuard(
            fakeResolver(Map.of()), ProxyListeners.of(List.of(new InetSocketAddress(port))));

    assertThrows(
        EgressDeniedException.class,
        () ->
            guard.vet(
                authority("127.0.0.5:" + port), EgressExceptions.from(List.of("127.0.0.0/8"))));
  }

  @Test
  void refusesAnotherLocalInterfaceAddressOnAProxyPort() throws IOException {
    InetAddress local = nonLoopbackLocalAddress();
    assumeTrue(local != null, "this machine has only loopback interfaces");
    EgressGuard guard =
        new EgressGuard(
            fakeResolver(Map.of()),
            ProxyListeners.of(
                List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))));
    Authority target = HostNormalizer.normalize(local.getHostAddress(), port);

    // Allowed by address, as the machine's own address might be; still the proxy's port.
    assertThrows(
        EgressDeniedException.class,
        () -> guard.vet(target, EgressExceptions.from(List.of(target.host()))));
  }

  @Test
  void passesAPublicAddressOnAProxyPort() throws IOException {
    EgressGuard guard =
        new EgressGuard(
            fakeResolver(Map.of()), ProxyListeners.of(List.of(new InetSocketAddress(port))));

    guard.vet(authority("8.8.8.8:" + port), EgressExceptions.none());
  }

  @Test
  void followsListenersAddedAndRemovedAtRunTime() throws IOException {
    ProxyListeners listeners = ProxyListeners.none();
    EgressGuard guard = new EgressGuard(fakeResolver(Map.of()), listeners);
    Authority local = authority("127.0.0.1:" + port);
    EgressExceptions loopback = EgressExceptions.from(List.of("127.0.0.0/8"));
    InetSocketAddress listener = new InetSocketAddress("127.0.0.1", port);

    guard.vet(local, loopback);
    listeners.add(listener);
    assertThrows(EgressDeniedException.class, () -> guard.vet(local, loopback));
    listeners.remove(listener);
    guard.vet(local, loopback);
  }

  @Test
  void reportsANameThatDoesNotResolveAsUnreachable() {
    EgressGuard guard = guard(Map.of("empty.test", List.of()));

    assertEquals(
        "could not resolve missing.test",
        assertThrows(
                DestinationUnreachableException.class,
                () -> guard.vet(authority("missing.test"), EgressExceptions.none()))
            .getMessage());
    assertThrows(
        DestinationUnreachableException.class,
        () -> guard.vet(authority("empty.test"), EgressExceptions.none()));
  }

  /**
   * An address of this machine's own interfaces that is not loopback, or null; found, never
   * contacted.
   */
  private static InetAddress nonLoopbackLocalAddress() throws IOException {
    for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress address : Collections.list(network.getInetAddresses())) {
        if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
          return InetAddress.getByAddress(address.getAddress()); // without the zone id
        }
      }
    }
    return null;
  }

  private static EgressGuard guard(Map<String, List<InetAddress>> names) {
    return new EgressGuard(fakeResolver(names), ProxyListeners.none());
  }

  /**
   * Names map to fixed answers; anything else does not exist. The system resolver is never asked.
   */
  private static Resolver fakeResolver(Map<String, List<InetAddress>> names) {
    return name -> {
      List<InetAddress> addresses = names.get(name);
      if (addresses == null) {
        throw new UnknownHostException(name);
      }
      return addresses;
    };
  }

  private static Authority authority(String text) {
    return HostNormalizer.parseAuthority(text, 80);
  }

  /** Parses a literal; never a lookup. */
  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** An IPv4-mapped address kept as IPv6, as a resolver could return it. */
  private static InetAddress ipv6(String mappedLiteral) throws UnknownHostException {
    byte[] ipv4 = InetAddress.getByName(mappedLiteral).getAddress();
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    System.arraycopy(ipv4, 0, mapped, 12, 4);
    return Inet6Address.getByAddress(null, mapped, -1);
  }
}
