package dev.outbound.runtime.binding.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.runtime.binding.redis.RedisKvSettings.Topology;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;

class RedisKvSettingsTest {

  @Test
  void aStandaloneUrlGivesHostPortCredentialsDatabaseAndTls() {
    URI url = URI.create("rediss://app:p%40ss@cache.internal:6380/4");
    RedisKvSettings settings = RedisKvSettings.standalone(url, "sessions");

    assertEquals(Topology.STANDALONE, settings.topology());
    assertEquals(RedisKvSettings.DEFAULT_TIMEOUT, settings.timeout());
    assertEquals(new HostAndPort("cache.internal", 6380), RedisUrl.hostAndPort(url));
    assertEquals(Optional.of("app"), RedisUrl.user(url));
    assertEquals(Optional.of("p@ss"), RedisUrl.password(url));
    assertEquals(4, RedisUrl.database(url));
    assertTrue(RedisUrl.tls(url));
  }

  @Test
  void aPlainUrlHasDefaultsAndALoneWordBeforeTheAtIsThePassword() {
    URI plain = URI.create("redis://localhost");
    assertEquals(new HostAndPort("localhost", 6379), RedisUrl.hostAndPort(plain));
    assertEquals(Optional.empty(), RedisUrl.user(plain));
    assertEquals(Optional.empty(), RedisUrl.password(plain));
    assertEquals(0, RedisUrl.database(plain));
    assertFalse(RedisUrl.tls(plain));

    URI passwordOnly = URI.create("redis://secret@localhost/");
    assertEquals(Optional.empty(), RedisUrl.user(passwordOnly));
    assertEquals(Optional.of("secret"), RedisUrl.password(passwordOnly));
    assertEquals(Optional.of("secret"), RedisUrl.password(URI.create("redis://:secret@localhost")));
  }

  @Test
  void toStringLeavesOutCredentials() {
    RedisKvSettings settings =
        RedisKvSettings.cluster(
            List.of(URI.create("redis://u:secret@a:7000"), URI.create("redis://u:secret@b:7001")),
            "ns");

    assertEquals("Redis redis://a:7000,redis://b:7001 (namespace ns)", settings.toString());
  }

  @Test
  void invalidSettingsAreRejectedWithTheReason() {
    assertRejected("redis:// or rediss://", () -> standalone("http://localhost:6379"));
    assertRejected("no host", () -> standalone("redis:///0"));
    assertRejected("database number", () -> standalone("redis://localhost/cache"));
    assertRejected("query", () -> standalone("redis://localhost?timeout=5"));
    assertRejected(
        "must not name a database",
        () -> RedisKvSettings.cluster(List.of(URI.create("redis://a:7000/1")), "ns"));
    assertRejected("one server URL", () -> cluster(Topology.STANDALONE, 2));
    assertRejected("needs a server URL", () -> cluster(Topology.CLUSTER, 0));
    assertRejected(
        "letters, digits",
        () -> RedisKvSettings.standalone(URI.create("redis://localhost"), "{tagged}"));
    assertRejected(
        "positive",
        () -> RedisKvSettings.standalone(URI.create("redis://a"), "ns").withTimeout(Duration.ZERO));
  }

  private static RedisKvSettings standalone(String url) {
    return RedisKvSettings.standalone(URI.create(url), "ns");
  }

  private static RedisKvSettings cluster(Topology topology, int urls) {
    List<URI> servers = Collections.nCopies(urls, URI.create("redis://localhost"));
    return new RedisKvSettings(topology, servers, "ns", RedisKvSettings.DEFAULT_TIMEOUT);
  }

  private static void assertRejected(String reason, Runnable creation) {
    IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class, creation::run);
    assertTrue(rejected.getMessage().contains(reason), rejected.getMessage());
  }
}
