package dev.outbound.runtime.policy;

import dev.outbound.Params;
import java.util.Objects;

/** A named handler ({@code @OutboundHandler}) chosen at run time, with the params it runs with. */
public record HandlerSelection(String handler, Params params) {

  public HandlerSelection {
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(params, "params");
  }
}
