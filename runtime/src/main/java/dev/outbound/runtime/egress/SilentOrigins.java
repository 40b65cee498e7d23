package dev.outbound.runtime.egress;

import dev.outbound.runtime.watchdog.Watchdog;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Iterator;
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
  // Held weakly: a connection dropped without being closed (a handler that never closes a fetched
  // body) must not be kept alive by its watcher.
  private final Set<Reference<OriginInput>> open = ConcurrentHashMap.newKeySet();
  private final Watchdog watchdog;
  private volatile boolean closed;

  SilentOrigins(Duration limit) {
    this.limitNanos = limit.toNanos();
    this.watchdog = Watchdog.start("outbound-origin-read-watchdog", limit, this::timeOutSilent);
  }

  /** Watches the input of a connection from its opening to its {@link #forget closing}. */
  Reference<OriginInput> watch(OriginInput input) {
    Reference<OriginInput> watched = new WeakReference<>(input);
    open.add(watched);
    return watched;
  }

  void forget(Reference<OriginInput> watched) {
    open.remove(watched);
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
    for (Iterator<Reference<OriginInput>> watched = open.iterator(); watched.hasNext(); ) {
      OriginInput input = watched.next().get();
      if (input == null) {
        watched.remove();
      } else {
        input.timeOutReadBefore(cutoff);
      }
    }
  }
}
