package dev.outbound.runtime.egress;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Idle keep-alive connections, bounded per route and in all, each kept no longer than the idle
 * timeout. A connection enters only after its response body was read to the end. Taking and
 * offering cost the same however many connections are idle.
 */
final class ConnectionPool implements AutoCloseable {

  private final int maxPerRoute;
  private final int maxTotal;
  private final long idleTimeoutNanos;
  // A lock rather than synchronized: callers are virtual threads.
  private final ReentrantLock lock = new ReentrantLock();
  // Newest first, so the connection taken is the one most likely still open; a route's entry goes
  // when its last connection does.
  private final Map<OriginRoute, ArrayDeque<OriginConnection>> idleByRoute = new HashMap<>();
  // Every idle connection, oldest first: the idle timeout and the total limit remove from here.
  private final LinkedHashSet<OriginConnection> idleByAge = new LinkedHashSet<>();
  private boolean closed;

  ConnectionPool(int maxPerRoute, int maxTotal, long idleTimeoutNanos) {
    this.maxPerRoute = maxPerRoute;
    this.maxTotal = maxTotal;
    this.idleTimeoutNanos = idleTimeoutNanos;
  }

  /** An idle connection for the route that still looks open, or null. */
  OriginConnection take(OriginRoute route) {
    // Each pass removes one connection from the pool, so this ends.
    while (true) {
      OriginConnection candidate = removeNewest(route);
      if (candidate == null || !candidate.isStale()) {
        return candidate;
      }
      candidate.close();
    }
  }

  /** Keeps a connection whose exchange finished cleanly, or closes it when the pool is full. */
  void offer(OriginConnection connection) {
    List<OriginConnection> evicted = new ArrayList<>(2);
    lock.lock();
    try {
      long now = System.nanoTime();
      evictExpired(now, evicted);
      ArrayDeque<OriginConnection> routeIdle = idleByRoute.get(connection.route());
      int routeCount = routeIdle == null ? 0 : routeIdle.size();
      if (closed || maxTotal == 0 || routeCount >= maxPerRoute) {
        evicted.add(connection);
      } else {
        if (idleByAge.size() >= maxTotal) {
          evicted.add(removeOldest()); // may drop this route's (emptied) entry
        }
        connection.markIdle(now);
        idleByRoute
            .computeIfAbsent(connection.route(), route -> new ArrayDeque<>())
            .addFirst(connection);
        idleByAge.addLast(connection);
      }
    } finally {
      lock.unlock();
    }
    evicted.forEach(OriginConnection::close);
  }

  /** Closes every idle connection; later offers are closed at once. */
  @Override
  public void close() {
    List<OriginConnection> all;
    lock.lock();
    try {
      closed = true;
      all = new ArrayList<>(idleByAge);
      idleByAge.clear();
      idleByRoute.clear();
    } finally {
      lock.unlock();
    }
    all.forEach(OriginConnection::close);
  }

  private OriginConnection removeNewest(OriginRoute route) {
    List<OriginConnection> evicted = new ArrayList<>(0);
    OriginConnection found = null;
    lock.lock();
    try {
      evictExpired(System.nanoTime(), evicted);
      ArrayDeque<OriginConnection> routeIdle = idleByRoute.get(route);
      if (routeIdle != null) {
        found = routeIdle.pollFirst();
        if (routeIdle.isEmpty()) {
          idleByRoute.remove(route);
        }
        idleByAge.remove(found);
      }
    } finally {
      lock.unlock();
    }
    evicted.forEach(OriginConnection::close);
    return found;
  }

  private void evictExpired(long now, List<OriginConnection> evicted) {
    while (!idleByAge.isEmpty()
        && now - idleByAge.getFirst().idleSinceNanos() >= idleTimeoutNanos) {
      evicted.add(removeOldest());
    }
  }

  /** The oldest idle connection is also the oldest of its route, so it is its route's last. */
  private OriginConnection removeOldest() {
    OriginConnection oldest = idleByAge.removeFirst();
    ArrayDeque<OriginConnection> routeIdle = idleByRoute.get(oldest.route());
    routeIdle.removeLastOccurrence(oldest);
    if (routeIdle.isEmpty()) {
      idleByRoute.remove(oldest.route());
    }
    return oldest;
  }
}
