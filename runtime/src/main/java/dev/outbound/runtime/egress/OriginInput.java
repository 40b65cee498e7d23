package dev.outbound.runtime.egress;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The buffered input of one origin connection. Only one thread uses a connection at a time (the
 * pool hands it over under its lock), so unlike {@link java.io.BufferedInputStream} it takes no
 * lock, and it can tell whether it holds unread bytes without asking the socket.
 *
 * <p>Each read of the socket notes when it began, so that {@link SilentOrigins} can end one that
 * waits too long.
 */
final class OriginInput extends InputStream {

  // What readingSince holds when it is not the System.nanoTime() at which a read began.
  private static final long NOT_READING = Long.MIN_VALUE;
  private static final long TIMED_OUT = Long.MIN_VALUE + 1;

  private final InputStream in;
  private final Closeable connection;
  private final byte[] buffer;
  private int position;
  private int limit;
  private int lastLineBytes;
  private final AtomicLong readingSince = new AtomicLong(NOT_READING);

  /**
   * @param connection what to close to end a read that waits too long
   */
  OriginInput(InputStream in, Closeable connection, int bufferSize) {
    this.in = in;
    this.connection = connection;
    this.buffer = new byte[bufferSize];
  }

  /** Whether bytes arrived that nobody has read yet. */
  boolean holdsUnreadBytes() {
    return position < limit;
  }

  /** Waits until a byte can be read without blocking; false when the stream ended instead. */
  boolean awaitByte() throws IOException {
    return position < limit || fill();
  }

  /**
   * The next line when it is already buffered whole, its LF within {@code maxBytes}: the bytes
   * before the LF, and before a CR right before it, as ISO-8859-1; consumed with its terminator
   * ({@link #lastLineBytes} says how many bytes that was). Null otherwise, and nothing is consumed.
   */
  String takeBufferedLine(int maxBytes) {
    int end = Math.min(limit, position + maxBytes);
    for (int i = position; i < end; i++) {
      if (buffer[i] == '\n') {
        int contentEnd = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
        String line =
            new String(buffer, position, contentEnd - position, StandardCharsets.ISO_8859_1);
        lastLineBytes = i + 1 - position;
        position = i + 1;
        return line;
      }
    }
    return null;
  }

  /** The bytes the last {@link #takeBufferedLine} consumed, its terminator included. */
  int lastLineBytes() {
    return lastLineBytes;
  }

  @Override
  public int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int count) throws IOException {
    Objects.checkFromIndexSize(offset, count, target.length);
    if (count == 0) {
      return 0;
    }
    if (position == limit) {
      if (count >= buffer.length) {
        return readSocket(target, offset, count); // a large read gains nothing from the buffer
      }
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(count, limit - position);
    System.arraycopy(buffer, position, target, offset, n);
    position += n;
    return n;
  }

  @Override
  public int available() throws IOException {
    return position < limit ? limit - position : in.available();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /**
   * Called by the watchdog: ends a read that began before {@code cutoffNanos} by closing the
   * connection, unless the read finished first.
   */
  void timeOutReadBefore(long cutoffNanos) {
    long since = readingSince.get();
    if (since != NOT_READING
        && since != TIMED_OUT
        && since - cutoffNanos < 0
        && readingSince.compareAndSet(since, TIMED_OUT)) {
      try {
        connection.close();
      } catch (IOException e) {
        // the read ends either way
      }
    }
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = readSocket(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  /** One read of the socket, which fails as timed out if the watchdog ended it. */
  private int readSocket(byte[] target, int offset, int count) throws IOException {
    long since = System.nanoTime();
    readingSince.set(since);
    int n;
    try {
      n = in.read(target, offset, count);
    } catch (IOException e) {
      throw finishRead(since) ? e : timedOut(e);
    }
    if (!finishRead(since)) {
      throw timedOut(null); // the bytes came as the watchdog closed the connection
    }
    return n;
  }

  /** False when the watchdog ended the read. */
  private boolean finishRead(long since) {
    return readingSince.compareAndSet(since, NOT_READING);
  }

  private static SocketTimeoutException timedOut(IOException cause) {
    SocketTimeoutException timedOut =
        new SocketTimeoutException("the origin sent nothing for longer than the read timeout");
    timedOut.initCause(cause);
    return timedOut;
  }
}
