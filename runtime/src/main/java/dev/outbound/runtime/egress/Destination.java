package dev.outbound.runtime.egress;

import dev.outbound.host.Authority;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where the egress guard lets a request go: the authority the container asked for and the one
 * address that was vetted for it. Callers connect to {@code vetted}, never to the name, so a second
 * DNS answer cannot send them elsewhere.
 */
public record Destination(Authority authority, InetSocketAddress vetted) {

  public Destination {
    Objects.requireNonNull(authority, "authority");
    Objects.requireNonNull(vetted, "vetted");
    if (vetted.isUnresolved()) {
      throw new IllegalArgumentException("a vetted address must be an IP address: " + vetted);
    }
  }
}
