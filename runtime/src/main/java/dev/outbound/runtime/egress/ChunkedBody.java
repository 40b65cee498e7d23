package dev.outbound.runtime.egress;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Decodes a chunked body (RFC 9112 §7.1); extensions and trailers are read and dropped. */
final class ChunkedBody extends InputStream {

  private static final int CHUNK_HEADER_LIMIT = 1024;
  private static final int MAX_SIZE_DIGITS = 15; // stays clear of long overflow

  private final InputStream in;
  private final int trailerLimit;
  private long remainingInChunk;
  private boolean started;
  private boolean finished;

  /**
   * @param trailerLimit the most bytes the trailer section may take
   */
  ChunkedBody(InputStream in, int trailerLimit) {
    this.in = in;
    this.trailerLimit = trailerLimit;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int count) throws IOException {
    if (finished) {
      return -1;
    }
    if (count == 0) {
      return 0;
    }
    if (remainingInChunk == 0) {
      startChunk();
      if (finished) {
        return -1;
      }
    }
    int n = in.read(buffer, offset, (int) Math.min(count, remainingInChunk));
    if (n == -1) {
      throw new EOFException("the origin closed the connection in the middle of a chunk");
    }
    remainingInChunk -= n;
    return n;
  }

  @Override
  public int available() throws IOException {
    return finished ? 0 : (int) Math.min(in.available(), remainingInChunk);
  }

  private void startChunk() throws IOException {
    LineReader lines = new LineReader(in, CHUNK_HEADER_LIMIT, "chunked body");
    if (started && !lines.readLine().isEmpty()) {
      throw new InvalidResponseException("a chunk is longer than its size says");
    }
    started = true;
    remainingInChunk = chunkSize(lines.readLine());
    if (remainingInChunk == 0) {
      LineReader trailers = new LineReader(in, trailerLimit, "chunked trailer section");
      while (!trailers.readLine().isEmpty()) {
        // trailers are dropped: they may not carry framing, and the proxy passes none on
      }
      finished = true;
    }
  }

  private static long chunkSize(String line) throws InvalidResponseException {
    int semicolon = line.indexOf(';');
    String digits = HttpSyntax.trimWhitespace(semicolon < 0 ? line : line.substring(0, semicolon));
    if (digits.isEmpty() || digits.length() > MAX_SIZE_DIGITS) {
      throw new InvalidResponseException("malformed chunk size: " + HttpSyntax.printable(digits));
    }
    long size = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = Character.digit(digits.charAt(i), 16);
      if (digit < 0) {
        throw new InvalidResponseException("malformed chunk size: " + HttpSyntax.printable(digits));
      }
      size = size * 16 + digit;
    }
    return size;
  }
}
