package dev.outbound.runtime.proxy;

import dev.outbound.OutboundResponse;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Writes an {@link OutboundResponse} to the container, streaming its body. Framing and connection
 * headers are the proxy's own business on this hop, so the response's are dropped (RFC 9110
 * §7.6.1).
 */
final class ResponseWriter {

  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "transfer-encoding",
          "te",
          "trailer",
          "upgrade",
          "content-length");

  /** Bodies of known length up to this size are sent in one write. */
  private static final long IN_ONE_WRITE = 16 * 1024;

  private ResponseWriter() {}

  /**
   * Sends the response and closes its body.
   *
   * @param closeConnection whether the container's connection must close after it (its request body
   *     was not read, or the exchange was cut short)
   * @return body bytes written
   */
  static long write(OutboundResponse response, ServerResponse out, boolean closeConnection) {
    out.status(Status.create(response.status()));
    Set<String> named = connectionTokens(response);
    response
        .headers()
        .forEach(
            (name, value) -> {
              String lower = name.toLowerCase(Locale.ROOT);
              if (!HOP_BY_HOP.contains(lower) && !named.contains(lower)) {
                out.headers().add(io.helidon.http.HeaderNames.create(name), value);
              }
            });
    if (closeConnection) {
      out.headers().set(HeaderValues.CONNECTION_CLOSE);
    }
    try (InputStream body = response.body()) {
      if (response.contentLength() == 0) {
        out.send();
        return 0;
      }
      if (response.contentLength() > 0 && response.contentLength() <= IN_ONE_WRITE) {
        // Small bodies (most handler answers) go out in one send: no output stream and its buffer.
        byte[] bytes = body.readNBytes((int) response.contentLength());
        if (bytes.length != response.contentLength()) {
          throw new IOException(
              "response body ended after "
                  + bytes.length
                  + " of "
                  + response.contentLength()
                  + " bytes");
        }
        out.send(bytes);
        return bytes.length;
      }
      if (response.contentLength() > 0) {
        out.contentLength(response.contentLength());
      }
      try (OutputStream stream = out.outputStream()) {
        return body.transferTo(stream);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing the response to the container failed", e);
    }
  }

  private static Set<String> connectionTokens(OutboundResponse response) {
    if (!response.headers().contains("Connection")) {
      return Set.of();
    }
    Set<String> tokens = new HashSet<>();
    for (String value : response.headers().all("Connection")) {
      for (String token : value.split(",")) {
        tokens.add(token.trim().toLowerCase(Locale.ROOT));
      }
    }
    return tokens;
  }
}
