package dev.outbound.runtime.egress;

import java.io.IOException;
import java.io.InputStream;

/**
 * The body of a forwarded response, streamed from the origin's connection. Reading it to the end
 * hands a reusable connection back to the pool; closing it earlier, or a failed read, closes the
 * connection, since its remaining bytes are unknown.
 */
final class ResponseBody extends InputStream {

  private final InputStream framed;
  private final OriginConnection connection;
  private final ConnectionPool pool;
  private final boolean reusable;
  private boolean released;
  private boolean closed;

  /**
   * @param framed the body bytes alone, ending where the framing says the body ends
   */
  ResponseBody(
      InputStream framed, OriginConnection connection, ConnectionPool pool, boolean reusable) {
    this.framed = framed;
    this.connection = connection;
    this.pool = pool;
    this.reusable = reusable;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int count) throws IOException {
    if (closed) {
      throw new IOException("the response body is closed");
    }
    if (released) {
      return -1;
    }
    try {
      int n = framed.read(buffer, offset, count);
      if (n == -1) {
        release(true);
      }
      return n;
    } catch (IOException | RuntimeException e) {
      release(false);
      throw e;
    }
  }

  @Override
  public int available() throws IOException {
    return closed || released ? 0 : framed.available();
  }

  @Override
  public void close() {
    closed = true;
    if (!released) {
      release(false);
    }
  }

  private void release(boolean complete) {
    released = true;
    if (complete && reusable) {
      pool.offer(connection);
    } else {
      connection.close();
    }
  }
}
