package dev.outbound.host;

import java.util.Arrays;
import java.util.Map;

/**
 * The exact-host part of a {@link HostMatcher}: canonical host to the value for any port, plus the
 * values of hosts that also list specific ports. Immutable.
 *
 * <p>Open addressing with linear probing in parallel arrays, at most half full, with each slot's
 * hash stored beside it: a lookup compares hashes before it touches a key, so an unrouted host
 * usually stops at the first empty slot and a routed one compares one key. Spreading the string's
 * hash by a multiply keeps probe runs short for the similar names routing tables are made of.
 */
final class ExactHostTable<V> {

  private static final int GOLDEN_RATIO = 0x9E3779B9;

  private final int shift;
  private final int mask;
  private final int[] hashes;
  private final String[] keys;
  private final Object[] anyPortValues;

  /** Null when no host lists a specific port, the usual case; else per slot, possibly null. */
  private final PortValues[] portValues;

  private ExactHostTable(int capacity, boolean withPorts) {
    this.shift = Integer.numberOfLeadingZeros(capacity - 1);
    this.mask = capacity - 1;
    this.hashes = new int[capacity];
    this.keys = new String[capacity];
    this.anyPortValues = new Object[capacity];
    this.portValues = withPorts ? new PortValues[capacity] : null;
  }

  /** A table of these hosts; each value maps a port (-1 for any port) to its value. */
  static <V> ExactHostTable<V> of(Map<String, Map<Integer, V>> hosts) {
    boolean withPorts =
        hosts.values().stream().anyMatch(ports -> ports.keySet().stream().anyMatch(p -> p >= 0));
    ExactHostTable<V> table = new ExactHostTable<>(capacityFor(hosts.size()), withPorts);
    hosts.forEach(table::insert);
    return table;
  }

  /**
   * The smallest power of two at least twice the size, so the table is at most half full; at least
   * 2, so there is always an empty slot to stop a probe.
   */
  private static int capacityFor(int size) {
    return Integer.highestOneBit(Math.max(1, 2 * size - 1)) << 1;
  }

  private void insert(String host, Map<Integer, V> values) {
    int hash = host.hashCode();
    int slot = slotOf(hash);
    while (keys[slot] != null) {
      slot = (slot + 1) & mask;
    }
    hashes[slot] = hash;
    keys[slot] = host;
    anyPortValues[slot] = values.get(-1);
    if (portValues != null) {
      portValues[slot] = PortValues.of(values);
    }
  }

  /** The value for this host and port, else for this host and any port, else null. */
  @SuppressWarnings("unchecked")
  V get(String host, int port) {
    int hash = host.hashCode();
    for (int slot = slotOf(hash); ; slot = (slot + 1) & mask) {
      String key = keys[slot];
      if (key == null) {
        return null;
      }
      if (hashes[slot] == hash && key.equals(host)) {
        if (portValues != null && portValues[slot] != null) {
          Object value = portValues[slot].valueFor(port);
          if (value != null) {
            return (V) value;
          }
        }
        return (V) anyPortValues[slot];
      }
    }
  }

  private int slotOf(int hash) {
    // the top bits of the product depend on every bit of the hash
    return (hash * GOLDEN_RATIO) >>> shift;
  }

  /** The values of one host's port-specific patterns; a linear scan, as hosts list few ports. */
  private record PortValues(int[] ports, Object[] values) {

    /** Null when the host has only an any-port value. */
    static PortValues of(Map<Integer, ?> values) {
      int[] ports =
          values.keySet().stream().mapToInt(Integer::intValue).filter(p -> p >= 0).toArray();
      if (ports.length == 0) {
        return null;
      }
      return new PortValues(ports, Arrays.stream(ports).mapToObj(values::get).toArray());
    }

    Object valueFor(int port) {
      for (int i = 0; i < ports.length; i++) {
        if (ports[i] == port) {
          return values[i];
        }
      }
      return null;
    }
  }
}
