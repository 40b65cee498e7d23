package dev.outbound.runtime.egress;

import dev.outbound.host.Authority;
import java.io.Closeable;
import java.io.IOException;
import java.lang.ref.Reference;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** One HTTP/1.1 connection to an origin, plain or TLS, with buffered streams. */
final class OriginConnection implements Closeable {

  private static final int BUFFER_SIZE = 16 * 1024;

  private final OriginRoute route;
  private final SilentOrigins silentOrigins;
  private final SocketChannel channel;
  private final Socket socket;
  private final OriginInput input;
  private final Reference<OriginInput> watchedInput;
  private final OriginOutput output;
  private final ByteBuffer probe = ByteBuffer.allocate(1);
  private long idleSinceNanos;

  /**
   * @param socket the channel's own socket, or a TLS socket over it
   */
  private OriginConnection(
      OriginRoute route, SilentOrigins silentOrigins, SocketChannel channel, Socket socket)
      throws IOException {
    this.route = route;
    this.silentOrigins = silentOrigins;
    this.channel = channel;
    this.socket = socket;
    // A silent origin's read is ended by closing the channel itself: closing a TLS socket would
    // first try to send close_notify.
    this.input = new OriginInput(socket.getInputStream(), channel, BUFFER_SIZE);
    this.output = new OriginOutput(socket.getOutputStream(), BUFFER_SIZE);
    this.watchedInput = silentOrigins.watch(input);
  }

  /**
   * Connects to the route's vetted address, never to a name, and starts TLS for {@code https}. The
   * TLS handshake is held to the read timeout by {@code SO_TIMEOUT}; once it is done, {@code
   * silentOrigins} holds every read to it.
   *
   * @throws DestinationUnreachableException when the connection or the TLS handshake fails
   */
  static OriginConnection open(
      OriginRoute route,
      Authority authority,
      ForwarderSettings settings,
      OriginTls tls,
      SilentOrigins silentOrigins)
      throws DestinationUnreachableException {
    // A channel's socket never goes through a SOCKS proxy the JVM may be configured with, so it
    // reaches the vetted address; and its channel can look for a close without waiting.
    SocketChannel channel;
    try {
      channel = SocketChannel.open();
    } catch (IOException e) {
      throw new DestinationUnreachableException("could not open a socket: " + e.getMessage(), e);
    }
    Socket socket = channel.socket();
    try {
      socket.connect(route.address(), (int) settings.connectTimeout().toMillis());
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
      Socket connected = socket;
      if (route.isTls()) {
        socket.setSoTimeout((int) settings.readTimeout().toMillis());
        connected = tls.handshake(socket, authority);
        socket.setSoTimeout(0);
      }
      return new OriginConnection(route, silentOrigins, channel, connected);
    } catch (IOException e) {
      closeQuietly(socket);
      throw new DestinationUnreachableException(
          "TLS with " + route + " failed: " + e.getMessage(), e);
    }
  }

  OriginRoute route() {
    return route;
  }

  OriginInput input() {
    return input;
  }

  OriginOutput output() {
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
   * unasked (for TLS, possibly its close_notify). Does not wait: one non-blocking read tells.
   */
  boolean isStale() {
    try {
      // TLS may hold decrypted bytes of its own; asking it costs no system call, unlike a socket.
      if (input.holdsUnreadBytes() || (route.isTls() && socket.getInputStream().available() > 0)) {
        return true;
      }
      channel.configureBlocking(false);
      try {
        // End of stream, or bytes nobody asked for; the connection is closed either way.
        probe.clear();
        return channel.read(probe) != 0;
      } finally {
        channel.configureBlocking(true);
      }
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public void close() {
    silentOrigins.forget(watchedInput);
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
