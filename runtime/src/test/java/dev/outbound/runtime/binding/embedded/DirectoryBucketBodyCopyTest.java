package dev.outbound.runtime.binding.embedded;

import static dev.outbound.runtime.binding.embedded.DirectoryBucketBodyCopy.LARGE_BUFFERS;
import static dev.outbound.runtime.binding.embedded.DirectoryBucketBodyCopy.LARGE_BUFFER_BYTES;
import static dev.outbound.runtime.binding.embedded.DirectoryBucketBodyCopy.PIPELINES;
import static dev.outbound.runtime.binding.embedded.DirectoryBucketBodyCopy.PIPELINE_AFTER_BYTES;
import static dev.outbound.runtime.binding.embedded.DirectoryBucketBodyCopy.SMALL_BUFFER_BYTES;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.outbound.runtime.testing.GeneratedBody;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DirectoryBucketBodyCopyTest {

  private static final Path DEV_FULL = Path.of("/dev/full");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      longs = {
        0,
        1,
        SMALL_BUFFER_BYTES - 1,
        SMALL_BUFFER_BYTES,
        SMALL_BUFFER_BYTES + 1,
        PIPELINE_AFTER_BYTES - 1,
        PIPELINE_AFTER_BYTES,
        PIPELINE_AFTER_BYTES + 1,
        PIPELINE_AFTER_BYTES + LARGE_BUFFER_BYTES,
        PIPELINE_AFTER_BYTES + 3L * LARGE_BUFFERS * LARGE_BUFFER_BYTES + 17
      })
  void copiesEveryByteInOrderAndDigestsIt(long size) throws IOException {
    for (int readSize : List.of(Integer.MAX_VALUE, 1000)) {
      Path path = dir.resolve("body-" + readSize);
      DirectoryBucketTempFile.Digests digests;
      Set<Thread> writers;
      try (RecordingFile file = new RecordingFile(path, Long.MAX_VALUE)) {
        digests = copy(shortReads(new GeneratedBody(size), readSize), file);
        writers = file.writers;
      }

      assertEquals(size, digests.size());
      assertEquals(size, Files.size(path));
      assertArrayEquals(digest("MD5", new GeneratedBody(size)), digests.md5());
      assertArrayEquals(digest("SHA-256", new GeneratedBody(size)), digests.sha256().orElseThrow());
      assertArrayEquals(digest("MD5", Files.newInputStream(path)), digests.md5());
      assertArrayEquals(
          digest("SHA-256", Files.newInputStream(path)), digests.sha256().orElseThrow());
      assertEquals(
          size > PIPELINE_AFTER_BYTES,
          writers.stream().anyMatch(thread -> thread.getName().equals("bucket-writer")),
          "pipelined copy for " + size + " bytes; written by " + writers);
      assertNothingLeftRunning(writers);
    }
  }

  @Test
  void aFailingBodyStopsTheCopyWithItsError() throws IOException {
    IOException reset = new IOException("connection reset");
    long failAt = PIPELINE_AFTER_BYTES + 5 * LARGE_BUFFER_BYTES / 2;
    InputStream body =
        new FilterInputStream(new GeneratedBody(64L * LARGE_BUFFER_BYTES)) {
          private long position;

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= failAt) {
              throw reset;
            }
            int read = super.read(buffer, offset, (int) Math.min(length, failAt - position));
            position += read;
            return read;
          }
        };

    try (RecordingFile file = new RecordingFile(dir.resolve("body"), Long.MAX_VALUE)) {
      assertSame(reset, assertThrows(IOException.class, () -> copy(body, file)));
      assertNothingLeftRunning(file.writers);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {0, PIPELINE_AFTER_BYTES + LARGE_BUFFER_BYTES})
  void aFullDiskStopsTheCopyWithItsError(long capacity) throws IOException {
    assumeTrue(Files.isWritable(DEV_FULL), "needs /dev/full");
    GeneratedBody body = new GeneratedBody(256L * LARGE_BUFFER_BYTES);

    try (RecordingFile file = new RecordingFile(dir.resolve("body"), capacity)) {
      IOException full = assertThrows(IOException.class, () -> copy(body, file));

      assertTrue(full.getMessage().contains("No space left"), full.getMessage());
      assertTrue(
          body.position() < capacity + 16L * LARGE_BUFFER_BYTES,
          "read " + body.position() + " bytes after the disk filled at " + capacity);
      assertNothingLeftRunning(file.writers);
    }
  }

  @Test
  void copiesBeyondThePipelineBoundRunOnTheCaller() throws Exception {
    long size = PIPELINE_AFTER_BYTES + 4L * LARGE_BUFFER_BYTES + 3;
    int permits = PIPELINES.availablePermits();
    PIPELINES.acquire(permits);
    DirectoryBucketTempFile.Digests digests;
    Set<Thread> writers;
    try (RecordingFile file = new RecordingFile(dir.resolve("body"), Long.MAX_VALUE)) {
      digests = copy(new GeneratedBody(size), file);
      writers = file.writers;
    } finally {
      PIPELINES.release(permits);
    }

    assertEquals(size, digests.size());
    assertArrayEquals(digest("MD5", new GeneratedBody(size)), digests.md5());
    assertEquals(Set.of(Thread.currentThread()), writers);
  }

  private static DirectoryBucketTempFile.Digests copy(InputStream body, WritableByteChannel file)
      throws IOException {
    return DirectoryBucketBodyCopy.copy(body, file, true);
  }

  /** The stage threads have ended and the copy gave its pipeline permit back. */
  private static void assertNothingLeftRunning(Set<Thread> writers) {
    for (Thread writer : writers) {
      assertTrue(writer == Thread.currentThread() || !writer.isAlive(), writer + " still runs");
    }
    Optional<Thread> stage =
        Thread.getAllStackTraces().keySet().stream()
            .filter(thread -> thread.getName().startsWith("bucket-"))
            .findAny();
    assertEquals(Optional.empty(), stage);
    assertEquals(4, PIPELINES.availablePermits());
  }

  private static InputStream shortReads(InputStream body, int most) {
    return new FilterInputStream(body) {
      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        return super.read(buffer, offset, Math.min(length, most));
      }
    };
  }

  private static byte[] digest(String algorithm, InputStream body) throws IOException {
    MessageDigest digest = DirectoryBucketTempFile.digest(algorithm);
    try (body) {
      byte[] buffer = new byte[8192];
      int read;
      while ((read = body.read(buffer)) != -1) {
        digest.update(buffer, 0, read);
      }
    }
    return digest.digest();
  }

  /**
   * A real file that records which threads write to it; past {@code capacity} bytes it writes to
   * /dev/full instead, like a disk that has filled up.
   */
  private static final class RecordingFile implements WritableByteChannel {

    final Set<Thread> writers = ConcurrentHashMap.newKeySet();
    private final FileChannel file;
    private final long capacity;
    private long written;

    RecordingFile(Path path, long capacity) throws IOException {
      this.file = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      this.capacity = capacity;
    }

    @Override
    public int write(ByteBuffer bytes) throws IOException {
      writers.add(Thread.currentThread());
      if (written >= capacity) {
        try (FileChannel full = FileChannel.open(DEV_FULL, StandardOpenOption.WRITE)) {
          return full.write(bytes);
        }
      }
      int count = file.write(bytes);
      written += count;
      return count;
    }

    @Override
    public boolean isOpen() {
      return file.isOpen();
    }

    @Override
    public void close() throws IOException {
      file.close();
    }
  }
}
