package dev.outbound.runtime.policy;

import dev.outbound.host.HostPattern;
import dev.outbound.spi.StaticPolicy;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The policy of a container class: its {@code @OutboundContainer} annotation with the deployment
 * configuration's overrides applied. Patterns are checked when it is made, so a bad pattern in the
 * configuration stops the server at start.
 *
 * @param allowedHosts empty when not set; a present empty list denies everything
 */
public record ClassPolicy(
    boolean enableInternet,
    Optional<List<String>> allowedHosts,
    List<String> deniedHosts,
    boolean interceptHttps) {

  /**
   * @throws IllegalArgumentException naming the first invalid pattern
   */
  public ClassPolicy {
    allowedHosts = Objects.requireNonNull(allowedHosts, "allowedHosts").map(List::copyOf);
    deniedHosts = List.copyOf(deniedHosts);
    allowedHosts.ifPresent(ClassPolicy::checkPatterns);
    checkPatterns(deniedHosts);
  }

  public static ClassPolicy of(StaticPolicy annotation) {
    return new ClassPolicy(
        annotation.enableInternet(),
        annotation.allowedHosts(),
        annotation.deniedHosts(),
        annotation.interceptHttps());
  }

  /**
   * Applies configuration field by field: a present value replaces the annotation's, except that
   * denied hosts are added to the annotation's, because configuration must not undo a denial the
   * class's author wrote.
   */
  public ClassPolicy withOverrides(
      Optional<Boolean> enableInternet,
      Optional<List<String>> allowedHosts,
      Optional<List<String>> deniedHosts,
      Optional<Boolean> interceptHttps) {
    return new ClassPolicy(
        enableInternet.orElse(this.enableInternet),
        allowedHosts.or(() -> this.allowedHosts),
        deniedHosts.map(added -> union(this.deniedHosts, added)).orElse(this.deniedHosts),
        interceptHttps.orElse(this.interceptHttps));
  }

  private static List<String> union(List<String> first, List<String> second) {
    Set<String> all = new LinkedHashSet<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }

  private static void checkPatterns(List<String> patterns) {
    patterns.forEach(HostPattern::parse);
  }
}
