package dev.outbound.runtime.watchdog;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * A platform thread that runs one check a few times per time limit, until closed: how the runtime
 * holds many operations to a limit without arming a timer for each. A timed wait on a virtual
 * thread (a read with {@code SO_TIMEOUT}, say) arms one in the JDK's shared scheduler, whose thread
 * then wakes about once per request; under load those wake-ups cost more than the work itself.
 */
public final class Watchdog implements AutoCloseable {

  private final Thread thread;

  private Watchdog(Thread thread) {
    this.thread = thread;
  }

  /**
   * Starts a thread that calls {@code check} with {@link System#nanoTime()} every twentieth of
   * {@code limit} (at least 1 ms apart, at most 100 ms), so a limit is enforced late by at most
   * that much.
   */
  public static Watchdog start(String name, Duration limit, LongConsumer check) {
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException(name + ": the time limit must be positive: " + limit);
    }
    long periodNanos = Math.clamp(limit.toNanos() / 20, 1_000_000L, 100_000_000L);
    return new Watchdog(
        Thread.ofPlatform().name(name).daemon().start(() -> watch(periodNanos, check)));
  }

  private static void watch(long periodNanos, LongConsumer check) {
    while (!Thread.currentThread().isInterrupted()) {
      LockSupport.parkNanos(periodNanos);
      check.accept(System.nanoTime());
    }
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}
