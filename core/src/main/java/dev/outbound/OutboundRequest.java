package dev.outbound;

import dev.outbound.host.Authority;
import dev.outbound.host.HostNormalizer;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request a container sent, or one a handler builds to pass on with {@link
 * OutboundContext#fetch}. Immutable except for its body, a stream that can be read once.
 *
 * <p>The destination is a normalised {@link Authority}: routing and policy only ever see that form.
 */
public final class OutboundRequest {

  private final String method;
  private final String scheme;
  private final Authority authority;
  private final String path;
  private final String query;
  private final Headers headers;
  private final InputStream body;
  private final long contentLength;

  private OutboundRequest(Builder builder) {
    this.method = builder.method;
    this.scheme = builder.scheme;
    this.authority = builder.authority;
    this.path = builder.path;
    this.query = builder.query;
    this.headers = builder.headers;
    this.body = builder.body;
    this.contentLength = builder.contentLength;
  }

  /** A request builder for an absolute {@code http} or {@code https} URL. */
  public static Builder builder(String method, String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + url, e);
    }
    String scheme =
        uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("URL must start with http:// or https://: " + url);
    }
    if (uri.getRawAuthority() == null) {
      throw new IllegalArgumentException("URL has no host: " + url);
    }
    int defaultPort = scheme.equals("https") ? 443 : 80;
    Authority authority = HostNormalizer.parseAuthority(uri.getRawAuthority(), defaultPort);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return new Builder(method, scheme, authority, path, uri.getRawQuery());
  }

  /** A request builder from parts that are already parsed and normalised (used by the proxy). */
  public static Builder builder(
      String method, String scheme, Authority authority, String path, String query) {
    return new Builder(method, scheme, authority, path, query);
  }

  public String method() {
    return method;
  }

  /** {@code http} or {@code https}. */
  public String scheme() {
    return scheme;
  }

  public Authority authority() {
    return authority;
  }

  /** The normalised host, as routing saw it. */
  public String host() {
    return authority.host();
  }

  public int port() {
    return authority.port();
  }

  /** The raw (still percent-encoded) path, starting with {@code /}. */
  public String path() {
    return path;
  }

  /** The raw query without {@code ?}, if the request had one. */
  public Optional<String> query() {
    return Optional.ofNullable(query);
  }

  /**
   * The path without its leading {@code /}, percent-decoded: the usual key for a KV or bucket
   * handler.
   */
  public String pathKey() {
    return java.net.URLDecoder.decode(
        path.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** The full URL, with the port only when it is not the scheme's default. */
  public String url() {
    StringBuilder url = new StringBuilder(scheme).append("://").append(authority.host());
    if (authority.port() != defaultPort(scheme)) {
      url.append(':').append(authority.port());
    }
    url.append(path);
    if (query != null) {
      url.append('?').append(query);
    }
    return url.toString();
  }

  public Headers headers() {
    return headers;
  }

  /** The first value of a header, or {@code null}. */
  public String header(String name) {
    return headers.first(name);
  }

  /** The body stream; it can be read once. */
  public InputStream body() {
    return body;
  }

  /** The body length, or {@code -1} when unknown (chunked). */
  public long contentLength() {
    return contentLength;
  }

  /** The whole body, at most 8 MiB; a larger body throws {@link BodyTooLargeException}. */
  public byte[] bytes() {
    return bytes(Bodies.DEFAULT_LIMIT);
  }

  public byte[] bytes(long limit) {
    return Bodies.read(body, limit);
  }

  /** The body as UTF-8 text, at most 8 MiB. */
  public String text() {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  public String text(long limit) {
    return new String(bytes(limit), StandardCharsets.UTF_8);
  }

  /** A copy with one header set (replacing earlier values), for example an injected credential. */
  public OutboundRequest withHeader(String name, String value) {
    return toBuilder().headers(headers.with(name, value)).build();
  }

  public OutboundRequest withoutHeader(String name) {
    return toBuilder().headers(headers.without(name)).build();
  }

  public OutboundRequest withHeaders(Headers newHeaders) {
    return toBuilder().headers(newHeaders).build();
  }

  /** A builder that starts from this request (sharing its body stream). */
  public Builder toBuilder() {
    return new Builder(method, scheme, authority, path, query)
        .headers(headers)
        .body(body, contentLength);
  }

  @Override
  public String toString() {
    return method + " " + url();
  }

  static int defaultPort(String scheme) {
    return scheme.equals("https") ? 443 : 80;
  }

  /** Builds an {@link OutboundRequest}. */
  public static final class Builder {

    private final String method;
    private final String scheme;
    private final Authority authority;
    private final String path;
    private final String query;
    private Headers headers = Headers.empty();
    private InputStream body = Bodies.EMPTY;
    private long contentLength = 0;

    private Builder(String method, String scheme, Authority authority, String path, String query) {
      this.method = Objects.requireNonNull(method, "method");
      this.scheme = Objects.requireNonNull(scheme, "scheme");
      this.authority = Objects.requireNonNull(authority, "authority");
      this.path = Objects.requireNonNull(path, "path");
      this.query = query;
    }

    public Builder headers(Headers headers) {
      this.headers = Objects.requireNonNull(headers, "headers");
      return this;
    }

    public Builder header(String name, String value) {
      this.headers = headers.toBuilder().add(name, value).build();
      return this;
    }

    /** A streaming body of known length, or {@code -1} for unknown. */
    public Builder body(InputStream body, long contentLength) {
      this.body = Objects.requireNonNull(body, "body");
      this.contentLength = contentLength;
      return this;
    }

    public Builder body(byte[] bytes) {
      return body(Bodies.of(bytes), bytes.length);
    }

    public Builder body(String text) {
      return body(text.getBytes(StandardCharsets.UTF_8));
    }

    public OutboundRequest build() {
      return new OutboundRequest(this);
    }
  }
}
