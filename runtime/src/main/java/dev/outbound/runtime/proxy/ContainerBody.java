package dev.outbound.runtime.proxy;

import dev.outbound.BodyTooLargeException;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The request body as handlers and the passthrough read it. It counts bytes for the egress record,
 * and turns what Helidon throws while decoding the body into exceptions that say whose fault it
 * was: a body over the limit ({@link BodyTooLargeException}) or one that is not valid HTTP ({@link
 * MalformedBodyException}), so that neither is mistaken for a failing handler.
 */
final class ContainerBody extends FilterInputStream {

  private final long limit;
  private long count;

  ContainerBody(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    try {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    } catch (RuntimeException e) {
      throw translated(e);
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    try {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    } catch (RuntimeException e) {
      throw translated(e);
    }
  }

  @Override
  public long skip(long n) throws IOException {
    try {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    } catch (RuntimeException e) {
      throw translated(e);
    }
  }

  private RuntimeException translated(RuntimeException e) {
    if (e instanceof RequestException helidon
        && helidon.status() == Status.REQUEST_ENTITY_TOO_LARGE_413) {
      return new BodyTooLargeException(limit);
    }
    if (e instanceof BodyTooLargeException || e instanceof MalformedBodyException) {
      return e;
    }
    return new MalformedBodyException(e);
  }

  /** The container sent a body that cannot be decoded (bad chunk framing); it gets 400. */
  static final class MalformedBodyException extends RuntimeException {

    MalformedBodyException(Throwable cause) {
      super("malformed request body: " + cause.getMessage(), cause);
    }
  }
}
