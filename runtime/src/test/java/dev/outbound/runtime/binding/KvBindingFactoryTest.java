package dev.outbound.runtime.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.binding.KvNamespace;
import dev.outbound.runtime.binding.redis.RedisKvNamespace;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code type: kv} with each backend, and the one line a mistake in its keys gets. */
class KvBindingFactoryTest {

  @TempDir Path dataDir;

  private Object create(Map<String, String> node) {
    return new KvBindingFactory()
        .create(
            "SESSIONS",
            Config.just(ConfigSources.create(node)),
            new BindingContext(dataDir, getClass().getClassLoader(), null));
  }

  private String problem(Map<String, String> node) {
    return assertThrows(InvalidBindingException.class, () -> create(node)).getMessage();
  }

  @Test
  void anSqliteFileByDefaultOpenedAtFirstUse() throws Exception {
    Path file = dataDir.resolve("kv").resolve("SESSIONS.sqlite");
    try (var kv = (KvNamespace & AutoCloseable) create(Map.of("type", "kv"))) {
      assertFalse(Files.exists(file), "a start does not open the file");
      kv.put("k", "v");
      assertTrue(Files.exists(file));
      assertEquals(Optional.of("v"), kv.getText("k"));
    }
    try (var reopened = (KvNamespace & AutoCloseable) create(Map.of("type", "kv"))) {
      assertEquals(Optional.of("v"), reopened.getText("k"));
    }
  }

  @Test
  void aFileThatIsNotSqliteIsAProblemAtStart() throws Exception {
    Path garbage = dataDir.resolve("garbage.sqlite");
    Files.writeString(garbage, "this is not a database, it only has a database's name");

    assertEquals(
        "outbound.bindings.SESSIONS: cannot open KV file " + garbage + " (not a SQLite database)",
        problem(Map.of("path", garbage.toString())));
  }

  @Test
  void redisOpensWithoutReachingTheServer() throws Exception {
    // Nothing listens on port 1: the namespace connects on first use, so a node starts while Redis
    // is down.
    try (var kv =
        (AutoCloseable)
            create(Map.of("backend", "redis", "url", "redis://127.0.0.1:1/2", "prefix", "app"))) {
      assertInstanceOf(RedisKvNamespace.class, kv);
    }
    try (var kv =
        (AutoCloseable)
            create(
                Map.of(
                    "backend",
                    "redis",
                    "cluster.0",
                    "redis://127.0.0.1:1",
                    "cluster.1",
                    "redis://127.0.0.1:2"))) {
      assertInstanceOf(RedisKvNamespace.class, kv);
    }
  }

  @Test
  void clusterSeedsAreAYamlList() throws Exception {
    Config node =
        Config.just(
            ConfigSources.create(
                """
                type: kv
                backend: redis
                cluster: [redis://127.0.0.1:1, redis://127.0.0.1:2]
                """,
                MediaTypes.APPLICATION_X_YAML));
    try (var kv =
        (AutoCloseable)
            new KvBindingFactory()
                .create(
                    "SESSIONS",
                    node,
                    new BindingContext(dataDir, getClass().getClassLoader(), null))) {
      assertInstanceOf(RedisKvNamespace.class, kv);
    }
  }

  @Test
  void saysWhichKeyIsWrongWithoutShowingAPassword() {
    String exactlyOne =
        "outbound.bindings.SESSIONS: a redis backend needs exactly one of "
            + "url: redis://host:port/db or cluster: [redis://host:port, ...]";
    assertEquals(
        "outbound.bindings.SESSIONS.backend: unknown backend memcached; known: sqlite, redis",
        problem(Map.of("backend", "memcached")));
    assertEquals(exactlyOne, problem(Map.of("backend", "redis")));
    assertEquals(
        exactlyOne,
        problem(Map.of("backend", "redis", "url", "redis://a", "cluster.0", "redis://b")));
    assertEquals(
        "outbound.bindings.SESSIONS.endpoint: not a key of the redis backend; its keys: cluster,"
            + " prefix, url",
        problem(Map.of("backend", "redis", "url", "redis://a", "endpoint", "x")));
    assertEquals(
        "outbound.bindings.SESSIONS.url: not a key of the sqlite backend; its keys: path",
        problem(Map.of("url", "redis://a")));
    String badPrefix =
        problem(Map.of("backend", "redis", "url", "redis://a", "prefix", "{braces}"));
    assertEquals(
        "outbound.bindings.SESSIONS: Redis KV namespace \"{braces}\" must be 1 to 128 letters,"
            + " digits, _ - . or :",
        badPrefix);
    String badScheme =
        problem(Map.of("backend", "redis", "url", "http://user:hunter2@example.com"));
    assertFalse(badScheme.contains("hunter2"), badScheme);
    String unparsable =
        problem(Map.of("backend", "redis", "url", "redis://user:hunter2@exa mple.com"));
    assertFalse(unparsable.contains("hunter2"), unparsable);
    assertEquals(
        "outbound.bindings.SESSIONS.url: not a URL: Illegal character in authority", unparsable);
  }
}
