package dev.outbound.runtime.egress;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a chunked body (RFC 9112 §7.1): one chunk per write, then the last chunk on {@link
 * #finish()}.
 */
final class ChunkedOutputStream extends FilterOutputStream {

  private static final byte[] CRLF = {'\r', '\n'};

  ChunkedOutputStream(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] buffer, int offset, int count) throws IOException {
    if (count == 0) {
      return; // an empty chunk would end the body
    }
    out.write(Integer.toHexString(count).getBytes(StandardCharsets.US_ASCII));
    out.write(CRLF);
    out.write(buffer, offset, count);
    out.write(CRLF);
  }

  /** Ends the body; the underlying stream stays open for the next request. */
  void finish() throws IOException {
    out.write('0');
    out.write(CRLF);
    out.write(CRLF);
  }
}
