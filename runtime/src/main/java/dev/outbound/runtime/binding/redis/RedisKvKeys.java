package dev.outbound.runtime.binding.redis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where one namespace's data lives in Redis. Each KV key is a hash {@code outbound:kv:{ns}:e:<key>}
 * with fields {@code v} (value), {@code m} (metadata JSON, if any) and {@code x} (expiration in
 * epoch seconds, if any); the sorted set {@code outbound:kv:{ns}:i} holds every key name with score
 * 0, so that Redis orders it by bytes.
 *
 * <p>The hash tag {@code {ns}} puts all of a namespace in one Redis Cluster slot, which lets one
 * Lua script update a value and the index together and lets a list read one index. The price: a
 * namespace lives on one shard, so its size and load are bounded by one node; a cluster spreads
 * namespaces, not the keys of one namespace.
 */
final class RedisKvKeys {

  private final byte[] entryPrefix;
  private final byte[] index;

  RedisKvKeys(String namespace) {
    String base = "outbound:kv:{" + namespace + "}:";
    this.entryPrefix = (base + "e:").getBytes(StandardCharsets.UTF_8);
    this.index = (base + "i").getBytes(StandardCharsets.UTF_8);
  }

  /** The Redis key of the hash holding KV key {@code name} (its UTF-8 bytes). */
  byte[] entry(byte[] name) {
    byte[] entry = Arrays.copyOf(entryPrefix, entryPrefix.length + name.length);
    System.arraycopy(name, 0, entry, entryPrefix.length, name.length);
    return entry;
  }

  /** What {@link #entry} puts before a name, for scripts that go from index member to hash. */
  byte[] entryPrefix() {
    return entryPrefix.clone();
  }

  /** The Redis key of the sorted set of key names. */
  byte[] index() {
    return index.clone();
  }
}
