package dev.outbound.runtime.egress;

import dev.outbound.host.Authority;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** One HTTP/1.1 connection to an origin, plain or TLS, with buffered streams. */
final class OriginConnection implements Closeable {

  private static final int BUFFER_SIZE = 16 * 1024;

  private final OriginRoute route;
  private final Socket socket;
  private final BufferedInputStream input;
  private final OutputStream output;
  private final int readTimeoutMillis;
  private long idleSinceNanos;

  private OriginConnection(OriginRoute route, Socket socket, int readTimeoutMillis)
      throws IOException {
    this.route = route;
    this.socket = socket;
    this.input = new BufferedInputStream(socket.getInputStream(), BUFFER_SIZE);
    this.output = new BufferedOutputStream(socket.getOutputStream(), BUFFER_SIZE);
    this.readTimeoutMillis = readTimeoutMillis;
  }

  /**
   * Connects to the route's vetted address, never to a name, and starts TLS for {@code https}.
   *
   * @throws DestinationUnreachableException when the connection or the TLS handshake fails
   */
  static OriginConnection open(
      OriginRoute route, Authority authority, ForwarderSettings settings, OriginTls tls)
      throws DestinationUnreachableException {
    int readTimeout = (int) settings.readTimeout().toMillis();
    // NO_PROXY: JVM-wide SOCKS settings must not reroute a vetted connection.
    Socket socket = new Socket(Proxy.NO_PROXY);
    try {
      socket.connect(route.address(), (int) settings.connectTimeout().toMillis());
      socket.setSoTimeout(readTimeout);
      socket.setTcpNoDelay(true);
    } catch (SocketTimeoutException e) {
      closeQuietly(socket);
      throw new DestinationUnreachableException(
          "could not connect to "
              + route
              + " within "
              + settings.connectTimeout().toMillis()
              + " ms",
          e);
    } catch (IOException e) {
      closeQuietly(socket);
      throw new DestinationUnreachableException(
          "could not connect to " + route + ": " + e.getMessage(), e);
    }
    try {
      Socket connected = route.isTls() ? tls.handshake(socket, authority) : socket;
      return new OriginConnection(route, connected, readTimeout);
    } catch (IOException e) {
      closeQuietly(socket);
      throw new DestinationUnreachableException(
          "TLS with " + route + " failed: " + e.getMessage(), e);
    }
  }

  OriginRoute route() {
    return route;
  }

  InputStream input() {
    return input;
  }

  OutputStream output() {
    return output;
  }

  void markIdle(long nowNanos) {
    idleSinceNanos = nowNanos;
  }

  long idleSinceNanos() {
    return idleSinceNanos;
  }

  /**
   * Whether an idle connection can no longer be used: the origin closed it, or sent something
   * unasked. Waits at most a millisecond for the answer.
   */
  boolean isStale() {
    try {
      if (input.available() > 0) {
        return true;
      }
      socket.setSoTimeout(1);
      try {
        input.read();
        return true; // end of stream, or bytes nobody asked for
      } catch (SocketTimeoutException e) {
        socket.setSoTimeout(readTimeoutMillis);
        return false; // silence: still open
      }
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public void close() {
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing to do: the connection is gone either way
    }
  }
}
