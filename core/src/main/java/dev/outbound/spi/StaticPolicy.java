package dev.outbound.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The policy written in {@code @OutboundContainer}.
 *
 * @param allowedHosts empty when the annotation did not set it (see {@code
 *     OutboundContainer.allowedHosts})
 */
public record StaticPolicy(
    boolean enableInternet,
    Optional<List<String>> allowedHosts,
    List<String> deniedHosts,
    boolean interceptHttps) {

  public StaticPolicy {
    Objects.requireNonNull(allowedHosts, "allowedHosts");
    allowedHosts = allowedHosts.map(List::copyOf);
    deniedHosts = List.copyOf(deniedHosts);
  }
}
