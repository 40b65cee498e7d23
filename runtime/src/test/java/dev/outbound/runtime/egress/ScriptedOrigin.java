package dev.outbound.runtime.egress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An origin on 127.0.0.1 that plays a script on every connection it accepts, with raw bytes, so
 * tests can send exactly the responses they need and see exactly the requests that arrive.
 */
final class ScriptedOrigin implements AutoCloseable {

  /** What to do with one accepted connection (numbered from 1); the socket is closed afterwards. */
  interface Script {
    void play(ScriptedOrigin self, int connection, InputStream in, OutputStream out)
        throws IOException;
  }

  /** A request as it arrived: the head as text and the body by its Content-Length. */
  record Request(String head, byte[] body) {
    boolean hasHeader(String name) {
      return head.toLowerCase().contains("\r\n" + name.toLowerCase() + ":");
    }
  }

  private static final int MAX_HEAD_BYTES = 64 * 1024;

  private final ServerSocket server;
  private final AtomicInteger accepted = new AtomicInteger();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  ScriptedOrigin(Script script) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(() -> acceptUntilClosed(script));
  }

  int port() {
    return server.getLocalPort();
  }

  /** How many connections were accepted so far. */
  int accepted() {
    return accepted.get();
  }

  /** Every request read with {@link #readRequest}, in order. */
  List<Request> requests() {
    return requests;
  }

  /** Reads one request head and its Content-Length body; null when the client closed instead. */
  Request readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0; // of "\r\n\r\n"
    while (matched < 4) {
      int b = in.read();
      if (b == -1) {
        return null;
      }
      if (head.size() == MAX_HEAD_BYTES) {
        throw new IOException("request head too long");
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    byte[] body = in.readNBytes(contentLength(text));
    Request request = new Request(text, body);
    requests.add(request);
    return request;
  }

  static void write(OutputStream out, String response) throws IOException {
    out.write(response.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  private void acceptUntilClosed(Script script) {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        int connection = accepted.incrementAndGet();
        Thread.ofVirtual()
            .start(
                () -> {
                  try (socket) {
                    script.play(
                        this, connection, socket.getInputStream(), socket.getOutputStream());
                  } catch (IOException e) {
                    // the client went away: the test sees what it needs from its own side
                  }
                });
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).equalsIgnoreCase("Content-Length")) {
        return Integer.parseInt(line.substring(colon + 1).trim());
      }
    }
    return 0;
  }
}
