package dev.outbound.runtime.log;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

  /**
   * How long the writer sleeps once it has found the queue empty and flushed: records reach the
   * file within about this long. It is never woken per record: with a writer waiting on the queue,
   * every record woke a thread, which cost a busy proxy a tenth of its CPU.
   */
  private static final long WAKE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final Path file;
  private final Writer out;
  private final BlockingQueue<EgressRecord> queue;
  private final RecentEgress recent;
  private final LongAdder dropped = new LongAdder();
  private final Thread writer;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean ending;

  // Used by the writer thread only.
  private final StringBuilder lines = new StringBuilder(64 * 1024);
  private final InstantText times = new InstantText();

  private EgressLog(Path file, Writer out, int recentPerContainer, int queueCapacity) {
    this.file = file;
    this.out = out;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
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
    Writer out =
        new BufferedWriter(
            new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8));
    try {
      return start(file, out, recentPerContainer, QUEUE_CAPACITY);
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /** A log writing to {@code out}; {@code file} only names it in messages. */
  static EgressLog start(Path file, Writer out, int recentPerContainer, int queueCapacity) {
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
    if (!queue.offer(record)) {
      dropped.increment();
    }
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

  /** Writes out every record recorded before this call, flushes and closes the file. */
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
    dropped.add(queue.size());
    queue.clear();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void writeUntilClosed() {
    List<EgressRecord> batch = new ArrayList<>(BATCH);
    boolean unflushed = false;
    while (true) {
      boolean last = ending; // read before draining: whatever came before close() is drained
      if (queue.drainTo(batch, BATCH) > 0) {
        write(batch);
        batch.clear();
        unflushed = true;
        continue;
      }
      // Flush once the queue is empty, not after every record.
      if (unflushed) {
        flush();
        unflushed = false;
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

  private void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot flush egress log " + file, e);
    }
  }

  /** Writes a batch as one block of lines; the loop flushes it once the queue stays empty. */
  private void write(List<EgressRecord> batch) {
    lines.setLength(0);
    for (EgressRecord record : batch) {
      record.appendJson(lines, times);
      lines.append('\n');
    }
    try {
      out.append(lines);
    } catch (IOException e) {
      dropped.add(batch.size());
      LOG.log(System.Logger.Level.WARNING, "cannot write egress log " + file, e);
    }
  }
}
