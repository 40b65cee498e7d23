package dev.outbound.runtime.egress;

import dev.outbound.Headers;
import java.util.List;

/**
 * Removes the headers that describe one connection rather than the message (RFC 9110 §7.6.1), so
 * they never cross the proxy in either direction. Proxy credentials are among them.
 */
public final class HopByHopHeaders {

  private static final List<String> ALWAYS =
      List.of(
          "Connection",
          "Keep-Alive",
          "Proxy-Connection",
          "Proxy-Authenticate",
          "Proxy-Authorization",
          "TE",
          "Trailer",
          "Transfer-Encoding",
          "Upgrade");

  private HopByHopHeaders() {}

  /**
   * The headers without the hop-by-hop ones and without every header that {@code Connection} names.
   */
  public static Headers strip(Headers headers) {
    Headers.Builder kept = headers.toBuilder();
    for (String name : HttpSyntax.listElements(headers.all("Connection"))) {
      kept.remove(name);
    }
    for (String name : ALWAYS) {
      kept.remove(name);
    }
    return kept.build();
  }
}
