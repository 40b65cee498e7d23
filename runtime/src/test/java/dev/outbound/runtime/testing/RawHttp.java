package dev.outbound.runtime.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plain socket that speaks HTTP/1.1 byte for byte, so tests can send what no client library
 * would.
 */
public final class RawHttp implements AutoCloseable {

  private final Socket socket;
  private final SocketChannel channel;
  private final InputStream in;
  private final OutputStream out;

  private RawHttp(Socket socket) throws IOException {
    this.socket = socket;
    this.channel = null;
    this.socket.setSoTimeout(15_000);
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  private RawHttp(SocketChannel channel) {
    this.socket = null;
    this.channel = channel;
    this.in = Channels.newInputStream(channel);
    this.out = Channels.newOutputStream(channel);
  }

  public static RawHttp connect(int port) throws IOException {
    return new RawHttp(new Socket("127.0.0.1", port));
  }

  /**
   * A connection to a unix domain socket (reads have no timeout there: use it for short exchanges).
   */
  public static RawHttp unix(Path path) throws IOException {
    return new RawHttp(SocketChannel.open(UnixDomainSocketAddress.of(path)));
  }

  /** Sends one request and reads the whole response. */
  public static RawResponse once(int port, String request) throws IOException {
    try (RawHttp http = connect(port)) {
      return http.exchange(request);
    }
  }

  public RawResponse exchange(String request) throws IOException {
    send(request);
    return read();
  }

  public void send(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  public RawResponse read() throws IOException {
    String statusLine = line();
    if (statusLine == null) {
      throw new IOException("connection closed before a response");
    }
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line = line(); line != null && !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      headers
          .computeIfAbsent(
              line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(line.substring(colon + 1).trim());
    }
    byte[] body;
    List<String> length = headers.get("content-length");
    if (length != null) {
      body = in.readNBytes(Integer.parseInt(length.get(0)));
    } else if (headers.containsKey("transfer-encoding")) {
      body = chunked();
    } else {
      body = new byte[0];
    }
    return new RawResponse(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  /** Whether the server closed the connection (waits up to two seconds for it). */
  public boolean closedByServer() throws IOException {
    if (socket == null) {
      throw new UnsupportedOperationException("only on TCP connections");
    }
    socket.setSoTimeout(2_000);
    try {
      return in.read() == -1;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  private byte[] chunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      int size = Integer.parseInt(line().trim(), 16);
      if (size == 0) {
        line();
        return body.toByteArray();
      }
      body.write(in.readNBytes(size));
      line();
    }
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r'
            ? line.substring(0, end - 1)
            : line.toString();
      }
      line.append((char) c);
    }
    return line.isEmpty() ? null : line.toString();
  }

  @Override
  public void close() throws IOException {
    if (socket != null) {
      socket.close();
    } else {
      channel.close();
    }
  }
}
