package dev.outbound.runtime.identity;

import java.util.Objects;

/**
 * A new registration: the only place the proxy token appears in clear. The registry keeps only its
 * hash, so this is the caller's one chance to hand it to the container.
 */
public record Registration(ContainerInstance instance, String token) {

  public Registration {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(token, "token");
  }

  /** Leaves the token out, so that logging a registration does not leak it. */
  @Override
  public String toString() {
    return "Registration[instance=" + instance + ", token=<redacted>]";
  }
}
