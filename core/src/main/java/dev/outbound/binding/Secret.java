package dev.outbound.binding;

import java.nio.charset.StandardCharsets;

/**
 * A secret read at start from an environment variable or a file. It reaches a container only if a
 * handler puts it in a response or passed-on request; {@code toString()} of implementations must
 * not reveal the value.
 */
public interface Secret {

  /** Returns the binding name of the secret. */
  String name();

  /** Returns the secret value. */
  String value();

  /** Returns the secret value encoded as UTF-8. */
  default byte[] bytes() {
    return value().getBytes(StandardCharsets.UTF_8);
  }
}
