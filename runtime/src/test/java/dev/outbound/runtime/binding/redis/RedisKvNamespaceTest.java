package dev.outbound.runtime.binding.redis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.binding.KvEntry;
import dev.outbound.binding.KvKey;
import dev.outbound.binding.KvListOptions;
import dev.outbound.binding.KvListResult;
import dev.outbound.binding.KvNamespace;
import dev.outbound.binding.KvPutOptions;
import dev.outbound.runtime.binding.KvNamespaceContract;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** The KV contract on one redis-server, a new namespace per test, and what only Redis shows. */
class RedisKvNamespaceTest extends KvNamespaceContract {

  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  @TempDir static Path redisDir;
  private static RedisServer redis;

  private String namespace;

  @BeforeAll
  static void startRedis() {
    redis = RedisServer.start(redisDir);
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @Override
  protected KvNamespace newNamespace(Clock clock) {
    namespace = "test-" + NAMESPACES.incrementAndGet();
    return RedisKvNamespace.open(settings(), clock);
  }

  /** A second proxy node: another instance on the same server and namespace. */
  private RedisKvNamespace otherNode() {
    return RedisKvNamespace.open(settings(), clock);
  }

  private RedisKvSettings settings() {
    return RedisKvSettings.standalone(redis.url(), namespace);
  }

  @Test
  void aWriteThroughOneNodeIsReadThroughAnother() {
    try (RedisKvNamespace other = otherNode()) {
      kv.put("k", bytes("v"), KvPutOptions.none().withMetadata("{\"by\":\"one\"}"));

      assertEquals(Optional.of("v"), other.getText("k"));
      assertEquals(
          Optional.of("{\"by\":\"one\"}"), other.getWithMetadata("k").orElseThrow().metadataJson());
      assertEquals(List.of("k"), other.list().keys().stream().map(KvKey::name).toList());

      other.delete("k");
      assertTrue(kv.getWithMetadata("k").isEmpty());
    }
  }

  @Test
  void aNodeThatCachedAValueSeesAnotherNodesWriteWithinTheCacheTtl() {
    kv.put("k", "first");
    assertEquals(Optional.of("first"), kv.getText("k"));

    try (RedisKvNamespace other = otherNode()) {
      other.put("k", "second");

      assertEquals(Optional.of("first"), kv.getText("k"), "cached");
      assertEquals(Optional.of("second"), kv.getWithMetadata("k").map(KvEntry::text), "uncached");
      clock.advance(Duration.ofSeconds(59));
      assertEquals(Optional.of("first"), kv.getText("k"));
      clock.advance(Duration.ofSeconds(1));
      assertEquals(Optional.of("second"), kv.getText("k"), "60 s is the default cacheTtl");
    }
  }

  @Test
  void eachReadAppliesItsOwnCacheTtl() {
    kv.put("k", "first");
    assertEquals("first", text(kv.get("k", minutes(5))));

    try (RedisKvNamespace other = otherNode()) {
      other.put("k", "second");
      clock.advance(Duration.ofSeconds(90));

      assertEquals("first", text(kv.get("k", minutes(5))));
      assertEquals("second", text(kv.get("k", Duration.ofSeconds(60))), "90 s is too old");
      assertEquals("second", text(kv.get("k", minutes(5))));
    }
  }

  @Test
  void absentKeysAreCachedForTheCacheTtlToo() {
    assertTrue(kv.get("k").isEmpty());

    try (RedisKvNamespace other = otherNode()) {
      other.put("k", "v");

      assertTrue(kv.get("k").isEmpty());
      clock.advance(Duration.ofSeconds(60));
      assertEquals(Optional.of("v"), kv.getText("k"));
    }
  }

  @Test
  void writesThroughTheNamespaceInvalidateItsCache() {
    kv.put("k", "mine");
    assertEquals(Optional.of("mine"), kv.getText("k"));
    try (RedisKvNamespace other = otherNode()) {
      other.put("k", "theirs");
    }
    assertEquals(Optional.of("mine"), kv.getText("k"), "cached");

    kv.delete("k");
    assertTrue(kv.get("k").isEmpty());

    kv.put("k", "again");
    assertEquals(Optional.of("again"), kv.getText("k"));
  }

  @Test
  @Timeout(60)
  void readsRacingAWriteNeverHideItFromTheWriter() throws Exception {
    AtomicBoolean writing = new AtomicBoolean(true);
    try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
      for (int reader = 0; reader < 4; reader++) {
        threads.submit(
            () -> {
              while (writing.get()) {
                kv.get("k");
              }
            });
      }
      try {
        for (int i = 0; i < 500; i++) {
          kv.put("k", "v" + i);
          assertEquals(Optional.of("v" + i), kv.getText("k"), "read after write " + i);
        }
      } finally {
        writing.set(false);
      }
    }
  }

  @Test
  void redisDropsAnExpiringKeyByATimeToLiveFromTheNodesClock() {
    // The namespace's clock reads 2030; Redis's reads now. The time to live is relative to both.
    kv.put("k", bytes("v"), KvPutOptions.none().expiringAfter(minutes(5)));

    try (Jedis jedis = jedis()) {
      long ttlMillis = jedis.pttl(hash("k"));
      assertTrue(ttlMillis > 299_000 && ttlMillis <= 300_000, ttlMillis + " ms");
      kv.put("k", "no longer expires");
      assertEquals(-1, jedis.pttl(hash("k")));
    }
  }

  @Test
  void listsDropIndexEntriesOfKeysRedisHasExpired() {
    kv.put("a", "v");
    kv.put("b", bytes("v"), KvPutOptions.none().expiringAfter(minutes(1)));
    kv.put("c", "v");

    try (Jedis jedis = jedis()) {
      jedis.del(hash("b")); // what Redis does when b's time to live runs out
      assertEquals(3, jedis.zcard(index()));

      assertEquals(List.of("a", "c"), kv.list().keys().stream().map(KvKey::name).toList());
      assertEquals(2, jedis.zcard(index()));
    }
  }

  @Test
  void aPageStopsAfterTheScanBudgetAndItsCursorGoesOn() {
    // 2100 keys whose hashes Redis has dropped, then one live key: more than one call examines.
    try (Jedis jedis = jedis()) {
      for (int i = 0; i < 2100; i++) {
        jedis.zadd(index(), 0, "gone-%04d".formatted(i).getBytes(UTF_8));
      }
    }
    kv.put("live", "v");

    KvListResult first = kv.list();
    assertEquals(List.of(), first.keys());
    KvListResult second =
        kv.list(KvListOptions.defaults().withCursor(first.cursor().orElseThrow()));
    assertEquals(List.of("live"), second.keys().stream().map(KvKey::name).toList());
    assertTrue(second.listComplete());
  }

  @Test
  void namespacesOnOneServerAreSeparate() {
    kv.put("k", "mine");
    RedisKvSettings otherNamespace = RedisKvSettings.standalone(redis.url(), namespace + "-other");
    try (RedisKvNamespace other = RedisKvNamespace.open(otherNamespace, clock)) {
      assertTrue(other.get("k").isEmpty());
      assertEquals(List.of(), other.list().keys());
    }
  }

  @Test
  void theUrlChoosesTheDatabase() {
    kv.put("k", "in database 0");
    URI database3 = URI.create(redis.url() + "/3");
    try (RedisKvNamespace other =
        RedisKvNamespace.open(RedisKvSettings.standalone(database3, namespace), clock)) {
      assertTrue(other.get("k").isEmpty());
      other.put("k", "in database 3");
    }
    try (Jedis jedis = jedis()) {
      jedis.select(3);
      assertTrue(jedis.exists(hash("k")));
    }
    assertEquals(Optional.of("in database 0"), kv.getText("k"));
  }

  @Test
  void closedNamespacesFailEvenWhenTheCacheCouldAnswer() {
    kv.put("k", "v");
    assertEquals(Optional.of("v"), kv.getText("k"));

    ((RedisKvNamespace) kv).close();

    assertThrows(IllegalStateException.class, () -> kv.get("k"));
    assertThrows(IllegalStateException.class, () -> kv.put("k", "v"));
    assertThrows(IllegalStateException.class, () -> kv.list());
  }

  private Jedis jedis() {
    return new Jedis("127.0.0.1", redis.port());
  }

  private byte[] hash(String key) {
    return new RedisKvKeys(namespace).entry(bytes(key));
  }

  private byte[] index() {
    return new RedisKvKeys(namespace).index();
  }

  private static String text(Optional<byte[]> value) {
    return new String(value.orElseThrow(), UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static Duration minutes(int minutes) {
    return Duration.ofMinutes(minutes);
  }
}
