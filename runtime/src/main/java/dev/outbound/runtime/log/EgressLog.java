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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

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
  private static final long QUIET_BEFORE_FLUSH_MS = 20;

  /**
   * Put in the queue by {@link #close()}: everything before it is written, then the writer stops.
   */
  private static final EgressRecord END =
      new EgressRecord(
          Instant.EPOCH, "", "", "", "", "", 0, "", "error", "end of log", 0, 0, 0, 0, null);

  private final Path file;
  private final Writer out;
  private final BlockingQueue<EgressRecord> queue;
  private final RecentEgress recent;
  private final LongAdder dropped = new LongAdder();
  private final Thread writer;
  private final AtomicBoolean closed = new AtomicBoolean();

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
    boolean interrupted = false;
    boolean queued = false;
    while (!queued) {
      try {
        queue.put(END);
        queued = true;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    while (writer.isAlive()) {
      try {
        writer.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    // Records that raced with closing, after the writer's last look.
    queue.removeIf(record -> record == END);
    dropped.add(queue.size());
    queue.clear();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void writeUntilClosed() {
    List<EgressRecord> batch = new ArrayList<>(BATCH);
    boolean ending = false;
    boolean unflushed = false;
    while (!ending) {
      try {
        // Flush once the log has been quiet for a moment, not after every record: a flush per
        // request cost the busy proxy a tenth of its CPU.
        EgressRecord first =
            unflushed ? queue.poll(QUIET_BEFORE_FLUSH_MS, TimeUnit.MILLISECONDS) : queue.take();
        if (first == null) {
          flush();
          unflushed = false;
          continue;
        }
        batch.add(first);
      } catch (InterruptedException e) {
        // Nothing interrupts this thread but a shutdown; write what is queued and stop.
        ending = true;
      }
      queue.drainTo(batch, BATCH - batch.size());
      ending |= batch.removeIf(record -> record == END);
      if (ending) {
        queue.drainTo(batch);
      }
      write(batch);
      unflushed = true;
      batch.clear();
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
