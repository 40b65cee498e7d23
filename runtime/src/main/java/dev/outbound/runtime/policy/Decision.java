package dev.outbound.runtime.policy;

import dev.outbound.Params;
import dev.outbound.spi.Route;
import java.util.Objects;

/**
 * What happens to one outbound request (SPEC §4.4), with the rule that decided, for the egress log.
 */
public sealed interface Decision {

  /** The rule that decided, e.g. {@code deniedHosts:*.evil.example} or {@code handler:kv}. */
  String rule();

  /**
   * Refuse the request.
   *
   * @param rule {@code deniedHosts:<pattern>}, {@code allowedHosts} or {@code default}
   * @param reason a sentence for the container, in the denial's JSON body
   */
  record Deny(String rule, String reason) implements Decision {

    public Deny {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Call a handler.
   *
   * @param rule {@code runtime-handler:<name>}, {@code handler:<method>}, {@code
   *     runtime-catch-all:<name>} or {@code catch-all:<method>}
   */
  record Handle<T>(Route<T> route, Params params, String rule) implements Decision {

    public Handle {
      Objects.requireNonNull(route, "route");
      Objects.requireNonNull(params, "params");
      Objects.requireNonNull(rule, "rule");
    }
  }

  /**
   * Pass the request on to the internet, through the egress guard.
   *
   * @param rule {@code allowedHosts:<pattern>} or {@code enableInternet}
   */
  record Internet(String rule) implements Decision {

    public Internet {
      Objects.requireNonNull(rule, "rule");
    }
  }
}
