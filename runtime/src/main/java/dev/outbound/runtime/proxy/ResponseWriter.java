package dev.outbound.runtime.proxy;

import dev.outbound.OutboundResponse;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
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

  private static final long LARGE_BODY = 1024 * 1024;
  private static final int LARGE_BUFFER = 256 * 1024;
  private static final int SMALL_BUFFER = 16 * 1024;

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
              // Helidon's own instance for a known name: no lower-casing or allocation per header.
              HeaderName header = HeaderNames.create(name);
              if (!HOP_BY_HOP.contains(header.lowerCase()) && !named.contains(header.lowerCase())) {
                // the single-value Header: no varargs array and value list per header
                out.headers().add(HeaderValues.create(header, value));
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
        return copy(body, stream, response.contentLength());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing the response to the container failed", e);
    }
  }

  /**
   * Copies a streamed body. {@code transferTo}'s 16 KiB buffer meant a read and a socket write per
   * 16 KiB of a large object; a larger buffer, for large bodies only, cuts those sixteenfold.
   */
  private static long copy(InputStream body, OutputStream stream, long contentLength)
      throws IOException {
    byte[] buffer = new byte[contentLength >= LARGE_BODY ? LARGE_BUFFER : SMALL_BUFFER];
    long copied = 0;
    for (int read; (read = body.read(buffer)) >= 0; ) {
      stream.write(buffer, 0, read);
      copied += read;
    }
    return copied;
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
