package dev.outbound.runtime.log;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The last few egress records of each container, for {@code GET /v1/containers/{id}/egress}. */
final class RecentEgress {

  private final int perContainer;
  private final Map<String, Ring> rings = new ConcurrentHashMap<>();

  RecentEgress(int perContainer) {
    if (perContainer < 1) {
      throw new IllegalArgumentException(
          "recent records per container must be at least 1, not " + perContainer);
    }
    this.perContainer = perContainer;
  }

  void add(EgressRecord record) {
    Ring ring = rings.get(record.containerId());
    if (ring == null) {
      ring = rings.computeIfAbsent(record.containerId(), id -> new Ring());
    }
    ring.add(record, perContainer);
  }

  /** Up to {@code limit} of the container's latest records, newest last. */
  List<EgressRecord> latest(String containerId, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    Ring ring = rings.get(containerId);
    return ring == null ? List.of() : ring.latest(limit);
  }

  void forget(String containerId) {
    rings.remove(containerId);
  }

  /** One container's records; the lock is held only to touch the deque, never across I/O. */
  private static final class Ring {

    private final ArrayDeque<EgressRecord> records = new ArrayDeque<>();

    synchronized void add(EgressRecord record, int capacity) {
      if (records.size() == capacity) {
        records.removeFirst();
      }
      records.addLast(record);
    }

    synchronized List<EgressRecord> latest(int limit) {
      List<EgressRecord> latest = new ArrayList<>(Math.min(limit, records.size()));
      Iterator<EgressRecord> oldestFirst = records.iterator();
      for (int skip = records.size() - limit; skip > 0; skip--) {
        oldestFirst.next();
      }
      oldestFirst.forEachRemaining(latest::add);
      return latest;
    }
  }
}
