package dev.outbound;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a handler answers: status, headers and a streaming body. Immutable except for the body, a
 * stream that can be read once.
 */
public final class OutboundResponse {

  private static final String TEXT = "text/plain; charset=utf-8";
  private static final String JSON = "application/json";

  private final int status;
  private final Headers headers;
  private final InputStream body;
  private final long contentLength;

  private OutboundResponse(int status, Headers headers, InputStream body, long contentLength) {
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("HTTP status out of range: " + status);
    }
    this.status = status;
    this.headers = Objects.requireNonNull(headers, "headers");
    this.body = Objects.requireNonNull(body, "body");
    this.contentLength = contentLength;
  }

  /** {@code 200} with a UTF-8 text body. */
  public static OutboundResponse ok(String text) {
    return text(200, text);
  }

  public static OutboundResponse text(int status, String text) {
    return bytes(status, text.getBytes(StandardCharsets.UTF_8), TEXT);
  }

  public static OutboundResponse json(int status, String json) {
    return bytes(status, json.getBytes(StandardCharsets.UTF_8), JSON);
  }

  public static OutboundResponse bytes(int status, byte[] body, String contentType) {
    return builder(status).header("Content-Type", contentType).body(body).build();
  }

  /** A streamed body of known length, or {@code -1} when unknown. */
  public static OutboundResponse stream(int status, InputStream body, long contentLength) {
    return builder(status).body(body, contentLength).build();
  }

  /** A response without a body. */
  public static OutboundResponse empty(int status) {
    return builder(status).build();
  }

  public static OutboundResponse notFound() {
    return empty(404);
  }

  public static Builder builder(int status) {
    return new Builder(status);
  }

  public int status() {
    return status;
  }

  public Headers headers() {
    return headers;
  }

  /** The first value of a header, or {@code null}. */
  public String header(String name) {
    return headers.first(name);
  }

  public InputStream body() {
    return body;
  }

  /** The body length, or {@code -1} when unknown. */
  public long contentLength() {
    return contentLength;
  }

  /** The whole body, at most 8 MiB. */
  public byte[] bytes() {
    return Bodies.read(body, Bodies.DEFAULT_LIMIT);
  }

  /** The body as UTF-8 text, at most 8 MiB. */
  public String text() {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  public OutboundResponse withHeader(String name, String value) {
    return new OutboundResponse(status, headers.with(name, value), body, contentLength);
  }

  public OutboundResponse withoutHeader(String name) {
    return new OutboundResponse(status, headers.without(name), body, contentLength);
  }

  @Override
  public String toString() {
    return "OutboundResponse[" + status + "]";
  }

  /** Builds an {@link OutboundResponse}. */
  public static final class Builder {

    private final int status;
    private final Headers.Builder headers = Headers.builder();
    private InputStream body = Bodies.EMPTY;
    private long contentLength = 0;

    private Builder(int status) {
      this.status = status;
    }

    public Builder header(String name, String value) {
      headers.add(name, value);
      return this;
    }

    public Builder headers(Headers more) {
      headers.addAll(more);
      return this;
    }

    public Builder body(byte[] bytes) {
      return body(Bodies.of(bytes), bytes.length);
    }

    public Builder body(String text) {
      return body(text.getBytes(StandardCharsets.UTF_8));
    }

    public Builder body(InputStream stream, long length) {
      this.body = Objects.requireNonNull(stream, "body");
      this.contentLength = length;
      return this;
    }

    public OutboundResponse build() {
      return new OutboundResponse(status, headers.build(), body, contentLength);
    }
  }
}
