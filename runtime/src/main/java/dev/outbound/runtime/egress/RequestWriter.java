package dev.outbound.runtime.egress;

import dev.outbound.Headers;
import dev.outbound.OutboundRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

/**
 * Writes a request to an origin in origin form: request line, {@code Host}, the end-to-end headers,
 * framing from {@link OutboundRequest#contentLength()}, and the streamed body.
 */
final class RequestWriter {

  /** Methods whose empty body is still announced, as some servers answer 411 otherwise. */
  private static final Set<String> METHODS_WITH_CONTENT = Set.of("POST", "PUT", "PATCH");

  private static final int BUFFER_SIZE = 16 * 1024;

  private RequestWriter() {}

  /**
   * Writes and flushes the whole request. Failures to read the request body are {@link
   * RequestBodyException}s; any other exception comes from the connection.
   *
   * @throws IllegalArgumentException when the method, path or query cannot go on a request line
   */
  static void write(OutboundRequest request, OriginOutput out) throws IOException {
    writeHead(request, out);
    long length = request.contentLength();
    if (length > 0) {
      copyExactly(request.body(), out, length);
    } else if (length < 0) {
      ChunkedOutputStream chunked = new ChunkedOutputStream(out);
      copyAll(request.body(), chunked);
      chunked.finish();
    }
    out.flush();
  }

  private static void writeHead(OutboundRequest request, OriginOutput out) throws IOException {
    String method = request.method();
    String path = request.path();
    String query = request.query().orElse(null);
    if (!Headers.isToken(method)) {
      throw new IllegalArgumentException("not an HTTP method: " + HttpSyntax.printable(method));
    }
    if (!path.startsWith("/")
        || !HttpSyntax.isVisibleAscii(path)
        || (query != null && !HttpSyntax.isVisibleAscii(query))) {
      throw new IllegalArgumentException(
          "the path and query must be percent-encoded ASCII: "
              + HttpSyntax.printable(path + (query == null ? "" : "?" + query)));
    }
    out.writeLatin1(method);
    out.write(' ');
    out.writeLatin1(path);
    if (query != null) {
      out.write('?');
      out.writeLatin1(query);
    }
    out.writeLatin1(" HTTP/1.1\r\n");
    writeField(out, "Host", hostHeader(request));
    Headers headers = request.headers();
    List<String> connectionOptions = HopByHopHeaders.connectionOptions(headers);
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      // Host and framing are this connection's own: the authority decides Host, the body
      // decides length.
      if (!HopByHopHeaders.isHopByHop(name, connectionOptions)
          && !name.equalsIgnoreCase("Host")
          && !name.equalsIgnoreCase("Content-Length")) {
        writeField(out, name, headers.value(i));
      }
    }
    long length = request.contentLength();
    if (length > 0 || (length == 0 && METHODS_WITH_CONTENT.contains(method))) {
      writeField(out, "Content-Length", Long.toString(length));
    } else if (length < 0) {
      writeField(out, "Transfer-Encoding", "chunked");
    }
    out.writeLatin1("\r\n");
  }

  /** The authority, with the port only when it is not the scheme's default. */
  private static String hostHeader(OutboundRequest request) {
    int defaultPort = request.scheme().equals("https") ? 443 : 80;
    String host = request.authority().host();
    return request.port() == defaultPort ? host : host + ":" + request.port();
  }

  private static void writeField(OriginOutput out, String name, String value) throws IOException {
    out.writeLatin1(name);
    out.writeLatin1(": ");
    out.writeLatin1(value);
    out.writeLatin1("\r\n");
  }

  /**
   * Exactly {@code length} bytes: a longer body must not spill into the next request on this
   * connection.
   */
  private static void copyExactly(InputStream body, OutputStream out, long length)
      throws IOException {
    byte[] buffer = new byte[BUFFER_SIZE];
    long remaining = length;
    while (remaining > 0) {
      int n = readBody(body, buffer, (int) Math.min(buffer.length, remaining));
      if (n == -1) {
        throw new RequestBodyException(
            "the request body ended after "
                + (length - remaining)
                + " of its "
                + length
                + " bytes");
      }
      out.write(buffer, 0, n);
      remaining -= n;
    }
    if (readBody(body, buffer, 1) != -1) {
      throw new RequestBodyException("the request body is longer than its " + length + " bytes");
    }
  }

  private static void copyAll(InputStream body, OutputStream out) throws IOException {
    byte[] buffer = new byte[BUFFER_SIZE];
    for (int n = readBody(body, buffer, buffer.length);
        n != -1;
        n = readBody(body, buffer, buffer.length)) {
      out.write(buffer, 0, n);
    }
  }

  private static int readBody(InputStream body, byte[] buffer, int count)
      throws RequestBodyException {
    try {
      return body.read(buffer, 0, count);
    } catch (IOException e) {
      throw new RequestBodyException("could not read the request body: " + e.getMessage(), e);
    }
  }
}
