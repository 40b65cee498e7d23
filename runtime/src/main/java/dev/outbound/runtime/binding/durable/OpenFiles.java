package dev.outbound.runtime.binding.durable;

import dev.outbound.binding.DurableObjectId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which activation holds each object's file open. At most one does per id, so a new activation
 * waits for an evicted one to finish its running call and close: two instances of one object never
 * run at once. Holds nothing for objects that are not open.
 */
final class OpenFiles {

  private record Holder(ActiveObject<?> object, CompletableFuture<Void> released) {}

  private final ConcurrentHashMap<DurableObjectId, Holder> holders = new ConcurrentHashMap<>();

  /** Makes {@code object} the holder of the file of {@code id}, waiting while another holds it. */
  void acquire(DurableObjectId id, ActiveObject<?> object) {
    Holder mine = new Holder(object, new CompletableFuture<>());
    for (Holder other = holders.putIfAbsent(id, mine);
        other != null;
        other = holders.putIfAbsent(id, mine)) {
      other.released().join();
    }
  }

  /** Makes {@code object} the holder of the file of {@code id} if no one holds it. */
  boolean tryAcquire(DurableObjectId id, ActiveObject<?> object) {
    return holders.putIfAbsent(id, new Holder(object, new CompletableFuture<>())) == null;
  }

  /** Releases the file of {@code id} held by {@code object}, waking activations waiting for it. */
  void release(DurableObjectId id, ActiveObject<?> object) {
    Holder holder = holders.get(id);
    if (holder != null && holder.object() == object && holders.remove(id, holder)) {
      holder.released().complete(null);
    }
  }

  /** Returns the activations that hold a file open now. */
  List<ActiveObject<?>> holders() {
    return holders.values().stream().<ActiveObject<?>>map(Holder::object).toList();
  }

  /** Returns how many object files are open. */
  int count() {
    return holders.size();
  }
}
