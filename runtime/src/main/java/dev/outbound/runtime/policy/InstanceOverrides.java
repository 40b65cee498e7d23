package dev.outbound.runtime.policy;

import dev.outbound.host.HostPattern;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The policy set at run time for one container instance through the admin API (SPEC §4.8).
 *
 * @param allowedHosts replaces the class's list when set; an empty list denies everything
 * @param deniedHosts added to the class's list: run time can deny more, never less
 * @param catchAll the run-time catch-all handler
 * @param byHost run-time per-host handlers, keyed by canonical host pattern
 */
public record InstanceOverrides(
    Optional<List<String>> allowedHosts,
    Optional<List<String>> deniedHosts,
    Optional<HandlerSelection> catchAll,
    Map<String, HandlerSelection> byHost) {

  public static final InstanceOverrides NONE =
      new InstanceOverrides(Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

  /**
   * Keys are stored in canonical form, so that a handler set for {@code API.Example.com} is the one
   * later removed as {@code api.example.com}.
   *
   * @throws IllegalArgumentException for an invalid pattern, or two keys naming the same pattern
   */
  public InstanceOverrides {
    allowedHosts = Objects.requireNonNull(allowedHosts, "allowedHosts").map(List::copyOf);
    deniedHosts = Objects.requireNonNull(deniedHosts, "deniedHosts").map(List::copyOf);
    Objects.requireNonNull(catchAll, "catchAll");
    Map<String, HandlerSelection> canonical = new LinkedHashMap<>();
    byHost.forEach(
        (pattern, selection) -> {
          String key = HostPattern.parse(pattern).text();
          if (canonical.put(key, Objects.requireNonNull(selection, "selection")) != null) {
            throw new IllegalArgumentException("duplicate host pattern: " + key);
          }
        });
    byHost = Collections.unmodifiableMap(canonical);
  }

  public InstanceOverrides withAllowedHosts(Optional<List<String>> allowedHosts) {
    return new InstanceOverrides(allowedHosts, deniedHosts, catchAll, byHost);
  }

  public InstanceOverrides withDeniedHosts(Optional<List<String>> deniedHosts) {
    return new InstanceOverrides(allowedHosts, deniedHosts, catchAll, byHost);
  }

  public InstanceOverrides withCatchAll(Optional<HandlerSelection> catchAll) {
    return new InstanceOverrides(allowedHosts, deniedHosts, catchAll, byHost);
  }

  /** Sets or replaces the run-time handler for one host pattern. */
  public InstanceOverrides withHostHandler(String pattern, HandlerSelection selection) {
    Map<String, HandlerSelection> changed = new LinkedHashMap<>(byHost);
    changed.put(HostPattern.parse(pattern).text(), selection);
    return new InstanceOverrides(allowedHosts, deniedHosts, catchAll, changed);
  }

  /** Removes the run-time handler for one host pattern, if there is one. */
  public InstanceOverrides withoutHostHandler(String pattern) {
    Map<String, HandlerSelection> changed = new LinkedHashMap<>(byHost);
    changed.remove(HostPattern.parse(pattern).text());
    return new InstanceOverrides(allowedHosts, deniedHosts, catchAll, changed);
  }
}
