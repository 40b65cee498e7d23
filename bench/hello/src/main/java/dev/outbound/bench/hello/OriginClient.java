package dev.outbound.bench.hello;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The least an HTTP/1.1 passthrough needs on the origin side, as a reference for target 3:
 * keep-alive connections to one origin in a pool, the request written in one piece, the answer read
 * with {@code Content-Length} framing. No policy, no egress guard, no header handling, no log: what
 * is left is the socket work and Helidon's, the floor any Java proxy on this server starts from.
 */
final class OriginClient {

  /** An origin's answer: its status and body. */
  record Answer(int status, byte[] body) {}

  private final InetSocketAddress origin;
  private final byte[] request;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

  OriginClient(int port) {
    this.origin = new InetSocketAddress("127.0.0.1", port);
    this.request =
        ("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
  }

  Answer get() throws IOException {
    Connection connection = idle.pollFirst();
    if (connection == null) {
      connection = new Connection(origin);
    }
    try {
      Answer answer = connection.exchange(request);
      idle.offerFirst(connection);
      return answer;
    } catch (IOException e) {
      connection.socket.close();
      throw e;
    }
  }

  private static final class Connection {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Connection(InetSocketAddress origin) throws IOException {
      socket = new Socket();
      socket.connect(origin);
      socket.setTcpNoDelay(true);
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      out = socket.getOutputStream();
    }

    Answer exchange(byte[] request) throws IOException {
      out.write(request);
      String statusLine = line();
      int status = Integer.parseInt(statusLine.substring(9, 12));
      int length = 0;
      for (String header = line(); !header.isEmpty(); header = line()) {
        if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          length = Integer.parseInt(header.substring(15).trim());
        }
      }
      return new Answer(status, in.readNBytes(length));
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder(64);
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          throw new IOException("the origin closed the connection");
        }
        if (b != '\r') {
          line.append((char) b);
        }
      }
      return line.toString();
    }
  }
}
