package dev.outbound.runtime.binding.embedded;

import dev.outbound.binding.ObjectLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * Copies a body into a file, digesting it on the way. Once a body passes {@link
 * #PIPELINE_AFTER_BYTES} the copy is pipelined over three threads: the caller reads the body into
 * large buffers, a digester thread runs MD5 over them (the costliest step, about 1.4 CPU seconds a
 * GiB), and a writer thread writes them to the file, so reading, digesting and writing overlap. The
 * few large buffers circulate through the three, which bounds what one copy holds; a bound on
 * pipelined copies bounds what all of them hold together.
 */
final class DirectoryBucketBodyCopy {

  /** What a body is read through until it proves large. */
  static final int SMALL_BUFFER_BYTES = 64 * 1024;

  /** Below this, starting two threads costs about what overlapping the steps saves. */
  static final long PIPELINE_AFTER_BYTES = 1024 * 1024;

  /** A GiB in a thousand writes, not sixteen thousand. */
  static final int LARGE_BUFFER_BYTES = 1024 * 1024;

  /** One for each of the three threads, and one to absorb their uneven speeds. */
  static final int LARGE_BUFFERS = 4;

  /**
   * Pipelined copies at once, process-wide, so that their buffers stay a small share of the heap; a
   * copy beyond it goes on through its small buffer on the caller alone until one ends.
   */
  static final Semaphore PIPELINES = new Semaphore(4);

  /** The names of the digester and writer threads start with this. */
  static final String THREAD_NAME_PREFIX = "bucket-";

  /** Follows the last chunk through the pipeline. */
  private static final Chunk END = new Chunk(new byte[0], 0);

  private final InputStream body;
  private final WritableByteChannel file;
  private final MessageDigest md5 = DirectoryBucketTempFile.digest("MD5");
  private final Optional<MessageDigest> sha256;
  private long size;

  private final BlockingQueue<Chunk> read = new LinkedBlockingQueue<>();
  private final BlockingQueue<Chunk> digested = new LinkedBlockingQueue<>();
  private final BlockingQueue<Chunk> written = new LinkedBlockingQueue<>();
  private volatile Throwable stageFailure;

  private DirectoryBucketBodyCopy(InputStream body, WritableByteChannel file, boolean withSha256) {
    this.body = body;
    this.file = file;
    this.sha256 =
        withSha256 ? Optional.of(DirectoryBucketTempFile.digest("SHA-256")) : Optional.empty();
  }

  /**
   * Writes all of {@code body} to {@code file} at its position and returns its size and digests.
   * When this returns or throws, no thread it started is still running.
   *
   * @throws dev.outbound.binding.BindingLimitException as soon as the body passes {@link
   *     ObjectLimits#MAX_UPLOAD_BYTES}
   */
  static DirectoryBucketTempFile.Digests copy(
      InputStream body, WritableByteChannel file, boolean withSha256) throws IOException {
    return new DirectoryBucketBodyCopy(body, file, withSha256).run();
  }

  private DirectoryBucketTempFile.Digests run() throws IOException {
    byte[] small = new byte[SMALL_BUFFER_BYTES];
    int length;
    do {
      length = fill(small);
      digest(small, length);
      writeFully(small, length);
      if (length == small.length && size >= PIPELINE_AFTER_BYTES && PIPELINES.tryAcquire()) {
        try {
          pipeline();
        } finally {
          PIPELINES.release();
        }
        break;
      }
    } while (length == small.length);
    return new DirectoryBucketTempFile.Digests(
        size, md5.digest(), sha256.map(MessageDigest::digest));
  }

  private void pipeline() throws IOException {
    Thread digester = startStage("digester", read, digested, this::digest);
    Thread writer = startStage("writer", digested, written, this::writeFully);
    int allocated = 0;
    try {
      int length;
      do {
        Chunk free = written.poll();
        if (free == null && allocated < LARGE_BUFFERS) {
          free = new Chunk(new byte[LARGE_BUFFER_BYTES], 0);
          allocated++;
        } else if (free == null) {
          free = written.take();
        }
        throwIfAStageFailed();
        length = fill(free.buffer());
        if (length > 0) {
          read.add(new Chunk(free.buffer(), length));
        }
      } while (length == LARGE_BUFFER_BYTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while copying a body");
    } finally {
      read.add(END);
      joinUninterruptibly(digester);
      joinUninterruptibly(writer);
    }
    throwIfAStageFailed();
  }

  /**
   * Starts a thread that applies {@code step} to each chunk from {@code in}, in order, and passes
   * it on to {@code out}, until {@link #END}. After a step fails, in this stage or another, it
   * passes chunks on without applying it, so that buffers keep coming back to the reader and it
   * sees the failure rather than waits.
   *
   * <p>Platform threads: digesting is pure CPU work and file writes block, and on a virtual thread
   * either would hold one of the few carriers every request shares.
   */
  private Thread startStage(
      String name, BlockingQueue<Chunk> in, BlockingQueue<Chunk> out, ChunkStep step) {
    Runnable stage =
        () -> {
          while (true) {
            Chunk chunk;
            try {
              chunk = in.take();
            } catch (InterruptedException e) {
              // Nothing of ours interrupts a stage; if something does, the copy fails, not hangs.
              stageFailure = e;
              continue;
            }
            if (chunk != END && stageFailure == null) {
              try {
                step.apply(chunk.buffer(), chunk.length());
              } catch (Throwable e) {
                stageFailure = e;
              }
            }
            out.add(chunk);
            if (chunk == END) {
              return;
            }
          }
        };
    return Thread.ofPlatform().name(THREAD_NAME_PREFIX + name).daemon().start(stage);
  }

  /**
   * Reads into {@code buffer} until it is full or the body ends.
   *
   * @return how many bytes it read: fewer than the buffer holds only at the end of the body
   */
  private int fill(byte[] buffer) throws IOException {
    int length = 0;
    while (length < buffer.length) {
      int count = body.read(buffer, length, buffer.length - length);
      if (count == -1) {
        break;
      }
      size += count;
      ObjectLimits.checkUploadSize(size);
      length += count;
    }
    return length;
  }

  private void digest(byte[] buffer, int length) {
    md5.update(buffer, 0, length);
    if (sha256.isPresent()) {
      sha256.get().update(buffer, 0, length);
    }
  }

  private void writeFully(byte[] buffer, int length) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
    while (bytes.hasRemaining()) {
      file.write(bytes);
    }
  }

  private void throwIfAStageFailed() throws IOException {
    switch (stageFailure) {
      case null -> {}
      case IOException e -> throw e;
      case RuntimeException e -> throw e;
      case Error e -> throw e;
      case Throwable e -> throw new IOException("copying the body failed", e);
    }
  }

  /** Waits for a stage, which ends soon after {@link #END}: few chunks are ahead of it. */
  private static void joinUninterruptibly(Thread stage) {
    boolean interrupted = false;
    while (true) {
      try {
        stage.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The first {@code length} bytes of {@code buffer} are body. */
  private record Chunk(byte[] buffer, int length) {}

  /** What a stage does to each chunk. */
  @FunctionalInterface
  private interface ChunkStep {
    void apply(byte[] buffer, int length) throws IOException;
  }
}
