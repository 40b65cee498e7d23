package dev.outbound.runtime.binding.durable;

import dev.outbound.binding.AlarmInfo;
import dev.outbound.binding.DurableObjectId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers the alarms of one namespace: one virtual thread sleeps until the earliest entry of the
 * {@link AlarmIndex} is due and hands each due object to a virtual thread of its own. Delivery is
 * at least once: the entry stays in the index until the object has run its handler and cleared
 * it, and a failed delivery is retried with {@link AlarmBackoff}.
 *
 * <p>How often an alarm has failed is kept in memory, so a restart begins its count again.
 */
final class AlarmScheduler implements AutoCloseable {

  /** What the scheduler delivers to: the namespace, which activates objects. */
  interface Target {

    /**
     * Runs the handler of {@code id} if its alarm is due at {@code now}, reporting a failing
     * handler to {@link AlarmScheduler#retry}; throws if the object could not be activated or read.
     */
    void deliver(DurableObjectId id, AlarmInfo info, Instant now);
  }

  private static final System.Logger LOG = System.getLogger(AlarmScheduler.class.getName());
  /** Most deliveries at once, so a backlog after a restart does not open every object at once. */
  private static final int MAX_DELIVERIES = 32;
  /** How long to wait before reading the index again after it failed. */
  private static final Duration INDEX_FAILURE_PAUSE = Duration.ofSeconds(1);

  private final AlarmIndex index;
  private final Clock clock;
  private final AlarmBackoff backoff;
  private final Target target;
  private final Set<DurableObjectId> delivering = ConcurrentHashMap.newKeySet();
  private final Map<DurableObjectId, Integer> failures = new ConcurrentHashMap<>();
  private final ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private boolean indexChanged; // guarded by lock
  private boolean stopped; // guarded by lock
  private Thread loop;

  AlarmScheduler(AlarmIndex index, Clock clock, AlarmBackoff backoff, Target target) {
    this.index = index;
    this.clock = clock;
    this.backoff = backoff;
    this.target = target;
  }

  /** Starts delivering, beginning with what the index holds from earlier runs. */
  void start() {
    loop = Thread.ofVirtual().name("durable-object-alarms").start(this::run);
  }

  /** Moves the index entry of {@code id} to {@code at} if earlier, before the object writes it. */
  void lower(DurableObjectId id, Instant at) {
    index.lower(id, at);
    wake();
  }

  /** Sets the index entry of {@code id} to its committed alarm: a new alarm starts a new count. */
  void changed(DurableObjectId id, Optional<Instant> at) {
    failures.remove(id);
    index.set(id, at);
    wake();
  }

  /** Stops the loop and waits for running deliveries; their objects stay as they were. */
  @Override
  public void close() {
    lock.lock();
    try {
      stopped = true;
      wake.signalAll();
    } finally {
      lock.unlock();
    }
    if (loop != null) {
      try {
        loop.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    deliveries.close();
  }

  private void run() {
    lock.lock();
    try {
      while (!stopped) {
        indexChanged = false;
        long waitNanos;
        try {
          Instant now = clock.instant();
          dispatchDue(now);
          waitNanos = index.earliestAfter(now)
              .map(next -> Duration.between(now, next).toNanos())
              .orElse(Long.MAX_VALUE);
        } catch (RuntimeException e) {
          LOG.log(Level.ERROR, "reading the durable object alarm index failed", e);
          waitNanos = INDEX_FAILURE_PAUSE.toNanos();
        }
        if (!indexChanged && !stopped) {
          wake.awaitNanos(waitNanos);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  private void dispatchDue(Instant now) {
    int free = MAX_DELIVERIES - delivering.size();
    if (free <= 0) {
      return;
    }
    // Asking for as many more as are in flight leaves `free` entries that are not.
    for (DurableObjectId id : index.due(now, free + delivering.size())) {
      if (free > 0 && delivering.add(id)) {
        free--;
        deliveries.execute(() -> deliver(id));
      }
    }
  }

  /**
   * Schedules the {@code failed}-th retry of the alarm of {@code id} and returns its time, or
   * returns empty when the alarm has failed too often and should be dropped.
   */
  Optional<Instant> retry(DurableObjectId id, int failed, Exception cause) {
    if (failed > backoff.maxRetries()) {
      LOG.log(Level.WARNING, "dropping the alarm of durable object " + id + " after "
          + failed + " failed deliveries", cause);
      failures.remove(id);
      return Optional.empty();
    }
    LOG.log(Level.INFO, "alarm of durable object " + id + " failed; retry " + failed + " of "
        + backoff.maxRetries(), cause);
    failures.put(id, failed);
    Instant at = clock.instant().plus(backoff.delayAfter(failed));
    index.set(id, Optional.of(at));
    return Optional.of(at);
  }

  private void deliver(DurableObjectId id) {
    int failed = failures.getOrDefault(id, 0);
    try {
      target.deliver(id, new AlarmInfo(failed), clock.instant());
    } catch (RuntimeException e) {
      try {
        if (retry(id, failed + 1, e).isEmpty()) {
          index.set(id, Optional.empty()); // the object cannot clear it: it does not activate
        }
      } catch (RuntimeException indexFailure) {
        LOG.log(Level.ERROR, "rescheduling the alarm of durable object " + id + " failed",
            indexFailure);
      }
    } finally {
      delivering.remove(id);
      wake();
    }
  }

  private void wake() {
    lock.lock();
    try {
      indexChanged = true;
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
