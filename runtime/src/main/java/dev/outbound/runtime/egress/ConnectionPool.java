package dev.outbound.runtime.egress;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Idle keep-alive connections, most recently used first, bounded per route and in all, each kept no
 * longer than the idle timeout. A connection enters only after its response body was read to the
 * end.
 */
final class ConnectionPool implements AutoCloseable {

  private final int maxPerRoute;
  private final int maxTotal;
  private final long idleTimeoutNanos;
  // A lock rather than synchronized: callers are virtual threads.
  private final ReentrantLock lock = new ReentrantLock();
  private final Deque<OriginConnection> idle = new ArrayDeque<>();
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
    List<OriginConnection> evicted = new ArrayList<>();
    lock.lock();
    try {
      long now = System.nanoTime();
      evictExpired(now, evicted);
      if (closed
          || maxPerRoute == 0
          || maxTotal == 0
          || countFor(connection.route()) >= maxPerRoute) {
        evicted.add(connection);
      } else {
        if (idle.size() >= maxTotal) {
          evicted.add(idle.removeLast());
        }
        connection.markIdle(now);
        idle.addFirst(connection);
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
      all = new ArrayList<>(idle);
      idle.clear();
    } finally {
      lock.unlock();
    }
    all.forEach(OriginConnection::close);
  }

  private OriginConnection removeNewest(OriginRoute route) {
    List<OriginConnection> evicted = new ArrayList<>();
    OriginConnection found = null;
    lock.lock();
    try {
      evictExpired(System.nanoTime(), evicted);
      for (Iterator<OriginConnection> it = idle.iterator(); it.hasNext(); ) {
        OriginConnection connection = it.next();
        if (connection.route().equals(route)) {
          it.remove();
          found = connection;
          break;
        }
      }
    } finally {
      lock.unlock();
    }
    evicted.forEach(OriginConnection::close);
    return found;
  }

  /** Oldest are last, so expired connections are removed from the tail. */
  private void evictExpired(long now, List<OriginConnection> evicted) {
    while (!idle.isEmpty() && now - idle.peekLast().idleSinceNanos() >= idleTimeoutNanos) {
      evicted.add(idle.removeLast());
    }
  }

  private int countFor(OriginRoute route) {
    int count = 0;
    for (OriginConnection connection : idle) {
      if (connection.route().equals(route)) {
        count++;
      }
    }
    return count;
  }
}
