package dev.outbound.runtime.egress;

import dev.outbound.runtime.watchdog.Watchdog;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds reads from origins to the read timeout: a read that waits longer has its connection closed
 * under it and throws {@link java.net.SocketTimeoutException}. One watchdog checks every open
 * connection a few times per timeout; {@code SO_TIMEOUT} armed a timer in the JDK's scheduler for
 * every read instead, and woke that scheduler's thread about once per forwarded request.
 */
final class SilentOrigins implements AutoCloseable {

  private final long limitNanos;
  private final Set<OriginInput> open = ConcurrentHashMap.newKeySet();
  private final Watchdog watchdog;
  private volatile boolean closed;

  SilentOrigins(Duration limit) {
    this.limitNanos = limit.toNanos();
    this.watchdog = Watchdog.start("outbound-origin-read-watchdog", limit, this::timeOutSilent);
  }

  /** Watches the input of a connection from its opening to its {@link #forget closing}. */
  void watch(OriginInput input) {
    open.add(input);
  }

  void forget(OriginInput input) {
    open.remove(input);
    if (closed && open.isEmpty()) {
      watchdog.close();
    }
  }

  /** Stops watching once the connections still open, bodies being read, are closed. */
  @Override
  public void close() {
    closed = true;
    if (open.isEmpty()) {
      watchdog.close();
    }
  }

  private void timeOutSilent(long nowNanos) {
    long cutoff = nowNanos - limitNanos;
    for (OriginInput input : open) {
      input.timeOutReadBefore(cutoff);
    }
  }
}
