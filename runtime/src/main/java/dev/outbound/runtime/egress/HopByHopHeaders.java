package dev.outbound.runtime.egress;

import dev.outbound.Headers;
import java.util.List;

/**
 * Removes the headers that describe one connection rather than the message (RFC 9110 §7.6.1), so
 * they never cross the proxy in either direction. Proxy credentials are among them.
 */
public final class HopByHopHeaders {

  private static final List<String> CONNECTION =
      List.of(
          "Connection",
          "Keep-Alive",
          "Proxy-Connection",
          "TE",
          "Trailer",
          "Transfer-Encoding",
          "Upgrade");
  // A proxy's challenge and the credentials for it concern the hop to that proxy alone.
  private static final List<String> PROXY_CREDENTIALS =
      List.of("Proxy-Authenticate", "Proxy-Authorization");

  private HopByHopHeaders() {}

  /**
   * The headers without the hop-by-hop ones and without every header that {@code Connection} names.
   */
  public static Headers strip(Headers headers) {
    return strip(headers, null);
  }

  /**
   * The same, and without {@code alsoRemoved} (when not null): a header this hop sets itself. One
   * pass, one copy.
   */
  static Headers strip(Headers headers, String alsoRemoved) {
    List<String> options = connectionOptions(headers);
    Headers.Builder kept = Headers.builder();
    headers.forEach(
        (name, value) -> {
          if (!isHopByHop(name, options) && !name.equalsIgnoreCase(alsoRemoved)) {
            kept.add(name, value);
          }
        });
    return kept.build();
  }

  /** The names {@code Connection} lists: hop-by-hop headers of this message. */
  public static List<String> connectionOptions(Headers headers) {
    return headers.contains("Connection")
        ? HttpSyntax.listElements(headers.all("Connection"))
        : List.of();
  }

  /** Whether a header is hop-by-hop, given the message's {@link #connectionOptions}. */
  static boolean isHopByHop(String name, List<String> connectionOptions) {
    return describesConnection(name, connectionOptions)
        || containsIgnoringCase(PROXY_CREDENTIALS, name);
  }

  /**
   * Whether a header describes the connection it travels on: hop-by-hop, but not a proxy's
   * challenge or credentials, which the proxy's own answers carry.
   */
  public static boolean describesConnection(String name, List<String> connectionOptions) {
    return containsIgnoringCase(CONNECTION, name) || containsIgnoringCase(connectionOptions, name);
  }

  private static boolean containsIgnoringCase(List<String> names, String name) {
    // by index: an iterator per header and list was most of what stripping allocated
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
