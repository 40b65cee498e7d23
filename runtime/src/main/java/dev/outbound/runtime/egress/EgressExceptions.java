package dev.outbound.runtime.egress;

import dev.outbound.host.Authority;
import dev.outbound.host.HostMatcher;
import dev.outbound.host.HostPattern;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The addresses a policy lets through the egress guard although they are not public: the IP and
 * CIDR entries of its {@code allowedHosts}. Name and glob entries never count, so allowing {@code
 * localhost} or {@code *.internal} does not open loopback or private ranges (Smokescreen's rule:
 * only an address names an address). Build one per policy, not per request.
 */
public final class EgressExceptions {

  private static final EgressExceptions NONE = new EgressExceptions(List.of());

  private final HostMatcher<Boolean> anyPort;
  private final HostMatcher<Boolean> withPort;

  private EgressExceptions(Collection<HostPattern> addressPatterns) {
    HostMatcher.Builder<Boolean> any = HostMatcher.builder();
    HostMatcher.Builder<Boolean> ported = HostMatcher.builder();
    for (HostPattern pattern : addressPatterns) {
      any.add(pattern, Boolean.TRUE);
      if (pattern.port() >= 0) {
        ported.add(pattern, Boolean.TRUE);
      }
    }
    this.anyPort = any.build();
    this.withPort = ported.build();
  }

  /**
   * The IP and CIDR patterns among a policy's {@code allowedHosts}.
   *
   * @throws dev.outbound.host.InvalidHostPatternException for a pattern that does not parse
   */
  public static EgressExceptions from(Collection<String> allowedHostPatterns) {
    Set<HostPattern> addressPatterns = new LinkedHashSet<>();
    for (String text : allowedHostPatterns) {
      HostPattern pattern = HostPattern.parse(text);
      if (pattern.kind() == HostPattern.Kind.IP || pattern.kind() == HostPattern.Kind.CIDR) {
        addressPatterns.add(pattern);
      }
    }
    return new EgressExceptions(addressPatterns);
  }

  /** No exceptions: only public addresses pass. */
  public static EgressExceptions none() {
    return NONE;
  }

  /**
   * Whether an IP or CIDR entry names this address (with a matching port, if the entry has one).
   */
  boolean allows(Authority address) {
    return anyPort.matches(address);
  }

  /** Whether an IP or CIDR entry with an explicit port names this address and port. */
  boolean allowsExactPort(Authority address) {
    return withPort.matches(address);
  }

  @Override
  public String toString() {
    return "EgressExceptions" + anyPort.patterns();
  }
}
