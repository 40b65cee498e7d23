package dev.outbound.runtime.egress;

/**
 * What kind of network an IP address belongs to, as far as egress is concerned. Only {@link
 * #PUBLIC} is reachable without an explicit IP or CIDR exception. See {@link AddressClassifier} for
 * the ranges.
 */
public enum AddressClass {
  PUBLIC("public"),
  LOOPBACK("loopback"),
  PRIVATE("private"),
  LINK_LOCAL("link-local"),
  CGNAT("carrier-grade NAT"),
  MULTICAST("multicast"),
  UNSPECIFIED("unspecified"),
  BROADCAST("broadcast"),
  RESERVED("reserved");

  private final String description;

  AddressClass(String description) {
    this.description = description;
  }

  /** Lower-case words for messages: "127.0.0.1 is loopback". */
  public String description() {
    return description;
  }
}
