package dev.outbound.runtime.binding.durable;

import dev.outbound.binding.DurableObjectId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A binding the test objects take: counts how often each object's constructor ran. */
final class ActivationLog {

  private final Map<DurableObjectId, Integer> activations = new ConcurrentHashMap<>();

  void record(DurableObjectId id) {
    activations.merge(id, 1, Integer::sum);
  }

  int activations(DurableObjectId id) {
    return activations.getOrDefault(id, 0);
  }

  int total() {
    return activations.values().stream().mapToInt(Integer::intValue).sum();
  }
}
