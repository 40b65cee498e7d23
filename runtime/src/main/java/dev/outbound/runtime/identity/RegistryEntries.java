package dev.outbound.runtime.identity;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registered entries, each change O(1). {@link #get} is safe without locking and sees a change
 * whole or not at all; everything else is for the one writer at a time (the registry's write lock).
 */
final class RegistryEntries {

  private final Map<String, RegisteredContainer> byId = new ConcurrentHashMap<>();
  private final Map<String, RegisteredContainer> oldestFirst = new LinkedHashMap<>();
  private final Set<String> names = new HashSet<>();

  RegisteredContainer get(String id) {
    return byId.get(id);
  }

  boolean hasName(String name) {
    return names.contains(name);
  }

  int size() {
    return oldestFirst.size();
  }

  /** Live view, oldest first. */
  Collection<RegisteredContainer> oldestFirst() {
    return Collections.unmodifiableCollection(oldestFirst.values());
  }

  /**
   * @throws IllegalArgumentException when the id is already registered
   */
  void add(RegisteredContainer entry) {
    if (oldestFirst.putIfAbsent(entry.id(), entry) != null) {
      throw new IllegalArgumentException("duplicate id " + entry.id());
    }
    names.add(entry.instance().name());
    byId.put(entry.id(), entry); // last: readers see it only once it is complete
  }

  /** The removed entry, or null when the id is not registered. */
  RegisteredContainer remove(String id) {
    RegisteredContainer removed = oldestFirst.remove(id);
    if (removed != null) {
      byId.remove(id);
      names.remove(removed.instance().name());
    }
    return removed;
  }
}
