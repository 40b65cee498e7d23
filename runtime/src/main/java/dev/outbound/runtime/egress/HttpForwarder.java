package dev.outbound.runtime.egress;

import dev.outbound.Headers;
import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.Set;

/**
 * Passes a request on to its origin over HTTP/1.1 and streams the answer back (SPEC §4.5): connects
 * to the vetted address only, speaks TLS for {@code https} with SNI and verification against the
 * request's host, strips hop-by-hop headers both ways, and returns redirects as they are.
 *
 * <p>Bodies stream in both directions, so memory stays bounded whatever their size. The returned
 * body must be closed, or read to the end, to release its connection; a connection read to the end
 * is kept alive for the next request to the same address, scheme and host.
 *
 * <p>For a response to {@code HEAD} and for {@code 304}, {@code Content-Length} stays in the
 * headers, since it describes the resource and not this (empty) body; for every other response the
 * length is {@link OutboundResponse#contentLength()}, and the header is removed.
 */
public final class HttpForwarder implements AutoCloseable {

  private static final int MAX_INTERIM_RESPONSES = 16;
  private static final Set<String> IDEMPOTENT_METHODS =
      Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

  private final ForwarderSettings settings;
  private final OriginTls tls;
  private final ConnectionPool pool;
  private final SilentOrigins silentOrigins;

  public HttpForwarder(ForwarderSettings settings) {
    this.settings = settings;
    this.tls = new OriginTls(settings.trustedCertificates());
    this.pool =
        new ConnectionPool(
            settings.maxIdleConnectionsPerRoute(),
            settings.maxIdleConnections(),
            settings.idleTimeout().toNanos());
    this.silentOrigins = new SilentOrigins(settings.readTimeout());
  }

  /**
   * Sends the request to the destination the egress guard vetted for it.
   *
   * @throws DestinationUnreachableException when the origin cannot be connected to, fails TLS,
   *     closes the connection or stays silent before answering
   * @throws InvalidResponseException when the origin's answer is not well-formed HTTP/1.1
   * @throws RequestBodyException when the request body fails or does not match its length
   * @throws IllegalArgumentException when the destination was vetted for another authority, or the
   *     request cannot be written as HTTP/1.1
   */
  public OutboundResponse forward(OutboundRequest request, Destination destination)
      throws IOException {
    if (!request.authority().equals(destination.authority())) {
      throw new IllegalArgumentException(
          "a request for "
              + request.authority()
              + " cannot use the destination vetted for "
              + destination.authority());
    }
    if (!request.scheme().equals("http") && !request.scheme().equals("https")) {
      throw new IllegalArgumentException("cannot forward scheme " + request.scheme());
    }
    OriginRoute route =
        new OriginRoute(destination.vetted(), request.scheme(), destination.authority().host());
    OriginConnection kept = pool.take(route);
    if (kept != null) {
      try {
        return exchange(kept, request);
      } catch (ConnectionLostException lost) {
        if (!isReplayable(request)) {
          throw lost.unreachable(route);
        }
        // The origin closed the kept connection as it was reused; the request was not
        // answered and can safely go again, on a new connection.
      }
    }
    OriginConnection fresh =
        OriginConnection.open(route, destination.authority(), settings, tls, silentOrigins);
    try {
      return exchange(fresh, request);
    } catch (ConnectionLostException lost) {
      throw lost.unreachable(route);
    }
  }

  /** Closes the idle connections. Bodies still being read keep theirs until they are closed. */
  @Override
  public void close() {
    pool.close();
    silentOrigins.close();
  }

  private OutboundResponse exchange(OriginConnection connection, OutboundRequest request)
      throws IOException {
    try {
      send(connection, request);
      ResponseHead head = receiveHead(connection);
      return respond(connection, request, head);
    } catch (IOException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  private static void send(OriginConnection connection, OutboundRequest request)
      throws IOException {
    try {
      RequestWriter.write(request, connection.output());
    } catch (RequestBodyException e) {
      throw e;
    } catch (IOException e) {
      throw new ConnectionLostException(e);
    }
  }

  /** The final response head, after skipping interim (1xx) ones such as {@code 100 Continue}. */
  private ResponseHead receiveHead(OriginConnection connection) throws IOException {
    OriginInput in = connection.input();
    try {
      awaitFirstByte(in);
      for (int i = 0; i < MAX_INTERIM_RESPONSES; i++) {
        ResponseHead head = ResponseHead.read(in, settings.maxResponseHeadBytes());
        if (!head.isInterim()) {
          return head;
        }
        if (head.status() == 101) {
          throw new InvalidResponseException(
              "the origin switched protocols, which the proxy never asks for");
        }
      }
      throw new InvalidResponseException(
          "the origin sent more than " + MAX_INTERIM_RESPONSES + " interim responses");
    } catch (SocketTimeoutException e) {
      throw new DestinationUnreachableException(
          connection.route()
              + " did not answer within "
              + settings.readTimeout().toMillis()
              + " ms",
          e);
    }
  }

  /** A connection that ends before the first byte of an answer was lost, not answered wrongly. */
  private static void awaitFirstByte(OriginInput in) throws IOException {
    boolean answered;
    try {
      answered = in.awaitByte();
    } catch (SocketTimeoutException e) {
      throw e;
    } catch (IOException e) {
      throw new ConnectionLostException(e);
    }
    if (!answered) {
      throw new ConnectionLostException(null);
    }
  }

  private OutboundResponse respond(
      OriginConnection connection, OutboundRequest request, ResponseHead head) throws IOException {
    ResponseFraming framing = ResponseFraming.of(request.method(), head);
    boolean reusable = head.keepsAlive() && framing.kind() != ResponseFraming.Kind.UNTIL_CLOSE;
    boolean lengthDescribesResource = request.method().equals("HEAD") || head.status() == 304;
    Headers headers =
        HopByHopHeaders.strip(head.headers(), lengthDescribesResource ? null : "Content-Length");
    OutboundResponse.Builder response = OutboundResponse.builder(head.status()).headers(headers);
    InputStream in = connection.input();
    return switch (framing.kind()) {
      case NONE -> noBody(connection, reusable, response);
      case FIXED ->
          framing.length() == 0
              ? noBody(connection, reusable, response)
              : response
                  .body(
                      new ResponseBody(
                          new FixedLengthBody(in, framing.length()), connection, pool, reusable),
                      framing.length())
                  .build();
      case CHUNKED ->
          response
              .body(
                  new ResponseBody(
                      new ChunkedBody(in, settings.maxResponseHeadBytes()),
                      connection,
                      pool,
                      reusable),
                  -1)
              .build();
      case UNTIL_CLOSE -> response.body(new ResponseBody(in, connection, pool, false), -1).build();
    };
  }

  private OutboundResponse noBody(
      OriginConnection connection, boolean reusable, OutboundResponse.Builder response) {
    if (reusable) {
      pool.offer(connection);
    } else {
      connection.close();
    }
    return response.body(InputStream.nullInputStream(), 0).build();
  }

  /** Only a request without a body, whose method may be repeated, is sent a second time. */
  private static boolean isReplayable(OutboundRequest request) {
    return request.contentLength() == 0 && IDEMPOTENT_METHODS.contains(request.method());
  }

  /** The connection ended before the origin answered. */
  private static final class ConnectionLostException extends IOException {

    ConnectionLostException(IOException cause) {
      super(cause);
    }

    DestinationUnreachableException unreachable(OriginRoute route) {
      String why = getCause() == null ? "" : ": " + getCause().getMessage();
      return new DestinationUnreachableException(
          route + " closed the connection before answering" + why, getCause());
    }
  }
}
