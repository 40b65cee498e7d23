package dev.outbound.runtime.binding.redis;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.outbound.binding.KvKey;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The keys of one namespace in Redis, laid out as {@link RedisKvKeys} says. A key counts as absent
 * from the second its expiration names, by the caller's clock; Redis deletes it by its time to live
 * at about the same moment, and the index entry when a list next passes it.
 */
final class RedisKvStore {

  /** Index names one list call examines at most, so that no script blocks Redis for long. */
  private static final int LIST_BUDGET = 2000;

  private static final byte[] VALUE = {'v'};
  private static final byte[] METADATA = {'m'};
  private static final byte[] EXPIRATION = {'x'};
  private static final byte[] INCLUSIVE = {'['};
  private static final byte[] EXCLUSIVE = {'('};
  private static final byte[] MINIMUM = {'-'};
  private static final byte[] MAXIMUM = {'+'};

  /** A stored value with its metadata and expiration. */
  record Entry(byte[] value, Optional<String> metadataJson, Optional<Instant> expiration) {}

  /** Keys of one list page, and the name the next page follows if the index goes on. */
  record Page(List<KvKey> keys, Optional<byte[]> continueAfter) {}

  private final RedisKvClient client;
  private final RedisKvKeys keys;

  RedisKvStore(RedisKvClient client, RedisKvKeys keys) {
    this.client = client;
    this.keys = keys;
  }

  /**
   * Replaces {@code name}'s value, metadata and expiration. Redis drops the key when the caller's
   * clock, which now reads {@code nowMillis}, reaches {@code expirationSecond}.
   */
  void put(
      String name,
      byte[] value,
      Optional<String> metadataJson,
      OptionalLong expirationSecond,
      long nowMillis) {
    byte[] member = name.getBytes(UTF_8);
    // Relative, so that the Redis server's clock need not agree with the caller's.
    long ttlMillis =
        expirationSecond.isPresent() ? expirationSecond.getAsLong() * 1000 - nowMillis : 0;
    List<byte[]> args = new ArrayList<>(List.of(member, ascii(ttlMillis), VALUE, value));
    metadataJson.ifPresent(metadata -> args.addAll(List.of(METADATA, metadata.getBytes(UTF_8))));
    expirationSecond.ifPresent(second -> args.addAll(List.of(EXPIRATION, ascii(second))));
    client.call(
        jedis -> RedisKvScripts.PUT.run(jedis, List.of(keys.entry(member), keys.index()), args));
  }

  /** Deletes {@code name} if it is there. */
  void delete(String name) {
    byte[] member = name.getBytes(UTF_8);
    client.call(
        jedis ->
            RedisKvScripts.DELETE.run(
                jedis, List.of(keys.entry(member), keys.index()), List.of(member)));
  }

  /** Reads {@code name} unless it is absent or expired at {@code nowMillis}. */
  Optional<Entry> read(String name, long nowMillis) {
    byte[] hash = keys.entry(name.getBytes(UTF_8));
    List<byte[]> fields = client.call(jedis -> jedis.hmget(hash, VALUE, METADATA, EXPIRATION));
    Optional<Instant> expiration = expiration(fields.get(2));
    if (fields.get(0) == null || expired(expiration, nowMillis)) {
      return Optional.empty();
    }
    return Optional.of(new Entry(fields.get(0), text(fields.get(1)), expiration));
  }

  /** Reads the values of {@code names} that are present and not expired at {@code nowMillis}. */
  Map<String, byte[]> readValues(Collection<String> names, long nowMillis) {
    List<String> ordered = List.copyOf(names);
    List<byte[]> hashes = ordered.stream().map(name -> keys.entry(name.getBytes(UTF_8))).toList();
    List<?> replies =
        (List<?>) client.call(jedis -> RedisKvScripts.READ_VALUES.run(jedis, hashes, List.of()));
    Map<String, byte[]> values = new HashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      List<?> fields = (List<?>) replies.get(i);
      byte[] value = (byte[]) fields.get(0);
      if (value != null && !expired(expiration((byte[]) fields.get(1)), nowMillis)) {
        values.put(ordered.get(i), value);
      }
    }
    return values;
  }

  /**
   * Lists up to {@code limit} live keys that start with {@code prefix} and come after {@code after}
   * (UTF-8 bytes both). The page may be shorter when many names in a row have expired.
   */
  Page list(byte[] prefix, Optional<byte[]> after, int limit, long nowMillis) {
    List<byte[]> args =
        List.of(
            keys.entryPrefix(),
            lowerBound(prefix, after),
            upperBound(prefix),
            ascii(limit),
            ascii(nowMillis),
            ascii(LIST_BUDGET));
    List<?> reply =
        (List<?>) client.call(jedis -> RedisKvScripts.LIST.run(jedis, List.of(keys.index()), args));
    List<KvKey> found = new ArrayList<>();
    for (Object row : (List<?>) reply.get(0)) {
      List<?> fields = (List<?>) row;
      found.add(
          new KvKey(
              new String((byte[]) fields.get(0), UTF_8),
              expiration((byte[]) fields.get(2)),
              text((byte[]) fields.get(1))));
    }
    boolean more = (Long) reply.get(2) == 1;
    return new Page(found, more ? Optional.of((byte[]) reply.get(1)) : Optional.empty());
  }

  /**
   * The ZRANGEBYLEX min: just after {@code after} if that is within the prefix, else the prefix.
   */
  private static byte[] lowerBound(byte[] prefix, Optional<byte[]> after) {
    if (after.isPresent() && Arrays.compareUnsigned(after.get(), prefix) >= 0) {
      return concat(EXCLUSIVE, after.get());
    }
    return prefix.length == 0 ? MINIMUM : concat(INCLUSIVE, prefix);
  }

  /**
   * The ZRANGEBYLEX max: below the prefix followed by 0xFF, a byte that UTF-8 never uses, so above
   * every name that starts with the prefix and below every other name after it.
   */
  private static byte[] upperBound(byte[] prefix) {
    return prefix.length == 0 ? MAXIMUM : concat(EXCLUSIVE, prefix, new byte[] {(byte) 0xff});
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      joined.writeBytes(part);
    }
    return joined.toByteArray();
  }

  private static boolean expired(Optional<Instant> expiration, long nowMillis) {
    return expiration.isPresent() && expiration.get().toEpochMilli() <= nowMillis;
  }

  private static Optional<Instant> expiration(byte[] epochSecond) {
    return Optional.ofNullable(epochSecond)
        .map(second -> Instant.ofEpochSecond(Long.parseLong(new String(second, US_ASCII))));
  }

  private static Optional<String> text(byte[] utf8) {
    return Optional.ofNullable(utf8).map(bytes -> new String(bytes, UTF_8));
  }

  private static byte[] ascii(long number) {
    return Long.toString(number).getBytes(US_ASCII);
  }
}
