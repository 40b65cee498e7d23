package dev.outbound.spi;

import dev.outbound.Params;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A named handler ({@code @OutboundHandler}) with a check of the params it may be selected with, so
 * the admin API refuses bad params when they are set rather than when a request arrives.
 */
public record NamedRoute<T>(Route<T> route, Consumer<Params> paramsCheck) {

  public NamedRoute {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(paramsCheck, "paramsCheck");
  }

  public String name() {
    return route.key();
  }
}
