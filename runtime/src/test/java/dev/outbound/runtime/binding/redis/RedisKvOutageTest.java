package dev.outbound.runtime.binding.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.binding.KvEntry;
import dev.outbound.binding.KvListOptions;
import dev.outbound.runtime.binding.BindingUnavailableException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Redis stopping, hanging and coming back under a namespace, with a real redis-server. */
class RedisKvOutageTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  /** The timeout plus room for a slow machine; far below what a hung call would take. */
  private static final Duration BOUND = TIMEOUT.multipliedBy(3);

  @TempDir Path redisDir;
  private RedisServer redis;
  private RedisKvNamespace kv;

  @BeforeEach
  void start() {
    redis = RedisServer.startDurable(redisDir);
    kv = RedisKvNamespace.open(settings());
  }

  @AfterEach
  void stop() {
    kv.close();
    redis.close();
  }

  @Test
  void withRedisStoppedEveryCallFailsAtOnceAndServiceResumesWhenItReturns() {
    kv.put("kept", "acknowledged before the outage");

    redis.stop();

    assertUnavailable(() -> kv.get("kept", Duration.ofSeconds(60)));
    assertUnavailable(() -> kv.put("refused", "never acknowledged"));
    assertUnavailable(() -> kv.getWithMetadata("kept"));
    assertUnavailable(() -> kv.get(List.of("kept")));
    assertUnavailable(() -> kv.delete("kept"));
    assertUnavailable(() -> kv.list(KvListOptions.defaults()));

    redis.start();

    assertEquals(Optional.of("acknowledged before the outage"), kv.getText("kept"));
    assertTrue(kv.get("refused").isEmpty(), "the refused put did not happen");
    kv.put("after", "v");
    assertEquals(Optional.of("v"), kv.getText("after"));
    assertEquals(2, kv.list().keys().size());
  }

  @Test
  void aValueReadBeforeTheOutageIsServedFromTheCacheForItsCacheTtl() {
    kv.put("k", "v");
    assertEquals(Optional.of("v"), kv.getText("k"));

    redis.stop();

    assertEquals(Optional.of("v"), kv.getText("k"), "within the default cacheTtl of 60 s");
    assertUnavailable(() -> kv.getWithMetadata("k"));
  }

  @Test
  void aHungRedisFailsCallsWithinTheTimeout() {
    kv.put("k", "v");

    redis.pause();
    try {
      assertUnavailable(() -> kv.getWithMetadata("k"));
      assertUnavailable(() -> kv.put("k", "while hung"));
    } finally {
      redis.resume();
    }

    assertEquals(Optional.of("v"), kv.getWithMetadata("k").map(KvEntry::text));
  }

  @Test
  void aNamespaceOpenedWhileRedisIsDownWorksOnceRedisIsUp() {
    redis.stop();
    try (RedisKvNamespace opened = RedisKvNamespace.open(settings())) {
      assertUnavailable(() -> opened.get("k"));

      redis.start();

      opened.put("k", "v");
      assertEquals(Optional.of("v"), opened.getText("k"));
    }
  }

  @Test
  void theMessageNamesTheBackendButNotItsPassword() {
    redis.close();
    redis = RedisServer.start(redisDir, "--requirepass", "s3cret");
    URI url = URI.create("redis://:s3cret@127.0.0.1:" + redis.port());
    RedisKvSettings withPassword = RedisKvSettings.standalone(url, "outage").withTimeout(TIMEOUT);
    try (RedisKvNamespace authenticated = RedisKvNamespace.open(withPassword)) {
      authenticated.put("k", "v");
      redis.stop();

      String message = assertUnavailable(() -> authenticated.getWithMetadata("k")).getMessage();

      assertTrue(message.contains("redis://127.0.0.1:" + redis.port()), message);
      assertFalse(message.contains("s3cret"), message);
    }
  }

  private RedisKvSettings settings() {
    return RedisKvSettings.standalone(redis.url(), "outage").withTimeout(TIMEOUT);
  }

  private static BindingUnavailableException assertUnavailable(Executable call) {
    long started = System.nanoTime();
    BindingUnavailableException failure = assertThrows(BindingUnavailableException.class, call);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertTrue(took.compareTo(BOUND) < 0, "took " + took);
    assertTrue(failure.getMessage().contains("Redis"), failure.getMessage());
    return failure;
  }
}
