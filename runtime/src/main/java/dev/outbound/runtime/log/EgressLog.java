package dev.outbound.runtime.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The egress log (SPEC §6): one JSON line per request appended to a file, and the last few records
 * of each container kept in memory for the admin API.
 *
 * <p>{@link #record} runs on request threads and never waits for the disk: records go into a
 * bounded queue that one daemon thread writes out. When the disk falls so far behind that the queue
 * is full, records are dropped from the file and counted ({@link #dropped()}) rather than slowing
 * requests.
 */
public final class EgressLog implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(EgressLog.class.getName());
  private static final int QUEUE_CAPACITY = 65_536;
  private static final int BATCH = 1024;
  // Lines go to the file in pieces of this many characters, one write each.
  private static final int CHUNK_CHARS = 32 * 1024;

  /**
   * How long the writer sleeps once it has found the queue empty: records reach the file within
   * about this long. It is never woken per record: with a writer waiting on the queue, every record
   * woke a thread, which cost a busy proxy a tenth of its CPU.
   */
  private static final long WAKE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final Path file;
  private final WritableByteChannel out;
  // Lock-free, bounded by a count: a blocking queue's lock, taken by every request, was contended
  // under load, and a request that found it held was parked.
  private final Queue<EgressRecord> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final int queueCapacity;
  private final RecentEgress recent;
  private final LongAdder dropped = new LongAdder();
  private final Thread writer;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean ending;

  // Used by the writer thread only.
  private final StringBuilder lines = new StringBuilder(64 * 1024);
  private final InstantText times = new InstantText();
  private final char[] chunk = new char[CHUNK_CHARS];
  // UTF-8 takes at most 3 bytes for a char (4 for a surrogate pair, which is 2 chars)
  private final ByteBuffer encoded = ByteBuffer.allocate(3 * CHUNK_CHARS);
  private final CharsetEncoder utf8 =
      StandardCharsets.UTF_8
          .newEncoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);

  private EgressLog(Path file, WritableByteChannel out, int recentPerContainer, int queueCapacity) {
    this.file = file;
    this.out = out;
    this.queueCapacity = queueCapacity;
    this.recent = new RecentEgress(recentPerContainer);
    this.writer =
        Thread.ofPlatform().name("outbound-egress-log").daemon().unstarted(this::writeUntilClosed);
  }

  /**
   * Opens the log for appending, creating it (mode 0600: paths can carry secrets) if needed.
   *
   * @param recentPerContainer how many records {@link #recent} keeps per container
   */
  public static EgressLog open(Path file, int recentPerContainer) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    FileChannel channel =
        FileChannel.open(
            file,
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      return start(file, channel, recentPerContainer, QUEUE_CAPACITY);
    } catch (RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** A log writing to {@code out}; {@code file} only names it in messages. */
  static EgressLog start(
      Path file, WritableByteChannel out, int recentPerContainer, int queueCapacity) {
    EgressLog log = new EgressLog(file, out, recentPerContainer, queueCapacity);
    log.writer.start();
    return log;
  }

  /** Keeps the record for {@link #recent} and queues it for the file; never blocks. */
  public void record(EgressRecord record) {
    if (closed.get()) {
      dropped.increment();
      return;
    }
    recent.add(record);
    if (queued.incrementAndGet() > queueCapacity) {
      queued.decrementAndGet();
      dropped.increment();
      return;
    }
    queue.offer(record);
  }

  /** Up to {@code limit} of the container's latest records, newest last. */
  public List<EgressRecord> recent(String containerId, int limit) {
    return recent.latest(containerId, limit);
  }

  /** Drops a deleted container's recent records; the file keeps them. */
  public void forget(String containerId) {
    recent.forget(containerId);
  }

  /**
   * Records that did not reach the file because the queue was full, the file failed, or the log was
   * closed.
   */
  public long dropped() {
    return dropped.sum();
  }

  /** Writes out every record recorded before this call and closes the file. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    ending = true;
    LockSupport.unpark(writer);
    boolean interrupted = false;
    while (writer.isAlive()) {
      try {
        writer.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    // Records that raced with closing, after the writer's last look.
    while (queue.poll() != null) {
      dropped.increment();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void writeUntilClosed() {
    List<EgressRecord> batch = new ArrayList<>(BATCH);
    while (true) {
      boolean last = ending; // read before draining: whatever came before close() is drained
      if (drainInto(batch) > 0) {
        write(batch);
        batch.clear();
        continue;
      }
      if (last) {
        break;
      }
      LockSupport.parkNanos(this, WAKE_EVERY_NANOS);
    }
    try {
      out.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot close egress log " + file, e);
    }
  }

  private int drainInto(List<EgressRecord> batch) {
    for (EgressRecord record; batch.size() < BATCH && (record = queue.poll()) != null; ) {
      batch.add(record);
    }
    queued.addAndGet(-batch.size());
    return batch.size();
  }

  /**
   * Writes a batch as one block of lines, straight to the file: there is no buffer to flush, and a
   * batch costs one system call per {@value #CHUNK_CHARS} characters.
   */
  private void write(List<EgressRecord> batch) {
    lines.setLength(0);
    for (EgressRecord record : batch) {
      record.appendJson(lines, times);
      lines.append('\n');
    }
    try {
      for (int from = 0; from < lines.length(); ) {
        int to = Math.min(from + CHUNK_CHARS, lines.length());
        if (to < lines.length() && Character.isHighSurrogate(lines.charAt(to - 1))) {
          to--; // keep a surrogate pair in one piece, where it can be encoded
        }
        writeFully(encode(from, to));
        from = to;
      }
    } catch (IOException e) {
      dropped.add(batch.size());
      LOG.log(System.Logger.Level.WARNING, "cannot write egress log " + file, e);
    }
  }

  /** {@code lines} from {@code from} to {@code to} as UTF-8, in the reused buffer. */
  private ByteBuffer encode(int from, int to) {
    lines.getChars(from, to, chunk, 0);
    encoded.clear();
    utf8.reset();
    utf8.encode(CharBuffer.wrap(chunk, 0, to - from), encoded, true);
    utf8.flush(encoded);
    return encoded.flip();
  }

  private void writeFully(ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
  }
}
