package dev.outbound.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Writes exact bytes to the proxy, for requests that well-behaved clients refuse to send. */
final class RawHttp {

  /** What came back, and whether the server closed the connection afterwards. */
  record Answer(String text, boolean closed) {
    int status() {
      return Integer.parseInt(text.substring(9, 12));
    }
  }

  private RawHttp() {}

  static String basic(String id, String token) {
    return "Basic "
        + Base64.getEncoder().encodeToString((id + ":" + token).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends the request and reads until the server closes the connection or stays quiet for two
   * seconds.
   */
  static Answer send(int port, String request) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(2000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      boolean closed = false;
      try {
        int n;
        while ((n = in.read(buffer)) != -1) {
          out.write(buffer, 0, n);
        }
        closed = true;
      } catch (SocketTimeoutException quiet) {
        closed = false;
      } catch (IOException reset) {
        closed = true;
      }
      return new Answer(out.toString(StandardCharsets.ISO_8859_1), closed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
