package dev.outbound.runtime.proxy;

import dev.outbound.host.Authority;
import dev.outbound.host.HostNormalizer;
import dev.outbound.host.InvalidHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a request goes, read from the request line: the absolute-form target ({@code GET
 * http://my.kv/k HTTP/1.1}) on a proxy, or the origin-form path with {@code Host} on a listener
 * that belongs to one container. In absolute form the {@code Host} header is ignored (RFC 9112
 * §3.2.2), so a conflicting one can never change routing.
 *
 * @param scheme {@code http}, or {@code https} inside an intercepted {@code CONNECT} tunnel
 * @param authority the normalised destination
 * @param path the raw path, starting with {@code /}
 * @param query the raw query without {@code ?}, or {@code null}
 */
public record RequestTarget(String scheme, Authority authority, String path, String query) {

  private static final String HTTP = "http://";

  /**
   * Authorities as requests wrote them, normalised: containers call the same few hosts over and
   * over, and normalising (IDNA, IP literals, checks) cost more than the rest of reading a target.
   */
  private static final Map<String, Authority> PARSED = new ConcurrentHashMap<>();

  private static final int MAX_PARSED = 10_000;

  // unreserved, sub-delims, ":", "@", "/"; and "#", which java.net.URI took as a fragment
  private static final String PATH_SYMBOLS = "-._~!$&'()*+,;=:@/#";

  /**
   * Parses a request target as Helidon's prologue holds it (path part without query).
   *
   * @param rawPath the target before any {@code ?}
   * @param rawQuery the query, or {@code null}
   * @param hostHeader the {@code Host} header, or {@code null}; only read for origin form
   * @param allowOriginForm whether this listener takes origin-form requests
   * @throws BadTargetException with a message for the {@code 400} answer
   */
  public static RequestTarget parse(
      String rawPath, String rawQuery, String hostHeader, boolean allowOriginForm) {
    if (startsWithIgnoreCase(rawPath, HTTP)) {
      return absolute(rawPath, rawQuery);
    }
    if (startsWithIgnoreCase(rawPath, "https://")) {
      throw new BadTargetException(
          "https:// targets are not proxied as plain requests; HTTPS uses CONNECT");
    }
    if (rawPath.startsWith("/")) {
      if (!allowOriginForm) {
        throw new BadTargetException(
            "this is a proxy: send the full URL (GET http://host/path), "
                + "as HTTP clients do when HTTP_PROXY points here");
      }
      if (hostHeader == null) {
        throw new BadTargetException("the Host header is missing");
      }
      return new RequestTarget("http", authority(hostHeader), checkedPath(rawPath), rawQuery);
    }
    throw new BadTargetException("unsupported request target");
  }

  /**
   * A request read inside an intercepted HTTPS tunnel: origin form, routed to the tunnel's {@code
   * CONNECT} authority whatever {@code Host} says.
   *
   * @throws BadTargetException for any other form
   */
  public static RequestTarget inTunnel(
      Authority connectAuthority, String rawPath, String rawQuery) {
    if (!rawPath.startsWith("/")) {
      throw new BadTargetException(
          "inside an HTTPS tunnel send the path only (GET /path), as HTTPS clients do");
    }
    return new RequestTarget("https", connectAuthority, checkedPath(rawPath), rawQuery);
  }

  private static RequestTarget absolute(String rawPath, String rawQuery) {
    int authorityEnd = rawPath.indexOf('/', HTTP.length());
    String authority =
        authorityEnd < 0
            ? rawPath.substring(HTTP.length())
            : rawPath.substring(HTTP.length(), authorityEnd);
    String path = authorityEnd < 0 ? "/" : checkedPath(rawPath.substring(authorityEnd));
    return new RequestTarget("http", authority(authority), path, rawQuery);
  }

  /**
   * The path, if it holds only what a URI path may (RFC 3986 §3.3: unreserved and sub-delimiter
   * characters, {@code :}, {@code @}, {@code /} and complete percent escapes), as {@code
   * java.net.URI} checked it for Helidon before; characters beyond ASCII pass, as they did there.
   *
   * @throws BadTargetException naming the first character that may not be there
   */
  private static String checkedPath(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%') {
        if (i + 2 >= path.length()
            || !isHexDigit(path.charAt(i + 1))
            || !isHexDigit(path.charAt(i + 2))) {
          throw new BadTargetException("incomplete percent escape in the path");
        }
        i += 2;
      } else if (c < 128
          ? !isPathCharacter(c)
          : Character.isISOControl(c) || Character.isSpaceChar(c)) {
        throw new BadTargetException(
            String.format("character U+%04X may not be in a path unescaped", (int) c));
      }
    }
    return path;
  }

  private static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isPathCharacter(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || PATH_SYMBOLS.indexOf(c) >= 0;
  }

  private static Authority authority(String text) {
    Authority known = PARSED.get(text);
    if (known != null) {
      return known;
    }
    Authority parsed;
    try {
      parsed = HostNormalizer.parseAuthority(text, 80);
    } catch (InvalidHostException e) {
      throw new BadTargetException("invalid host: " + e.getMessage());
    }
    if (PARSED.size() >= MAX_PARSED) {
      PARSED.clear(); // many distinct hosts: start again rather than grow
    }
    PARSED.put(text, parsed);
    return parsed;
  }

  private static boolean startsWithIgnoreCase(String text, String prefix) {
    return text.regionMatches(true, 0, prefix, 0, prefix.length());
  }
}
