package dev.outbound.runtime.config;

import java.util.List;
import java.util.Optional;

/**
 * Policy that {@code outbound.classes.<name>} sets over a container class's annotation; empty keeps
 * it.
 */
public record ClassOverrides(
    Optional<Boolean> enableInternet,
    Optional<List<String>> allowedHosts,
    Optional<List<String>> deniedHosts,
    Optional<Boolean> interceptHttps) {

  public static final ClassOverrides NONE =
      new ClassOverrides(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
