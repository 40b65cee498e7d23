package dev.outbound.runtime.proxy;

import dev.outbound.OutboundResponse;
import dev.outbound.runtime.egress.HopByHopHeaders;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes an {@link OutboundResponse} to the container, streaming its body. Framing and connection
 * headers are the proxy's own business on this hop, so the response's are dropped (RFC 9110
 * §7.6.1).
 */
final class ResponseWriter {

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
    List<String> connectionOptions = HopByHopHeaders.connectionOptions(response.headers());
    response
        .headers()
        .forEach(
            (name, value) -> {
              // Helidon frames the body itself, from what it is sent
              if (!HopByHopHeaders.describesConnection(name, connectionOptions)
                  && !name.equalsIgnoreCase("Content-Length")) {
                // Helidon's own instance for a known name, and the single-value Header: no
                // lower-casing, varargs array or value list per header
                out.headers().add(HeaderValues.create(HeaderNames.create(name), value));
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
}
