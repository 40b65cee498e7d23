package dev.outbound.runtime.binding.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.binding.KvNamespace;
import dev.outbound.runtime.binding.BindingUnavailableException;
import dev.outbound.runtime.binding.KvNamespaceContract;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** The KV contract on a three-node Redis Cluster, and what only a cluster shows. */
class RedisKvClusterTest extends KvNamespaceContract {

  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  /** Room for a slow machine to write 25 MiB values to the nodes' append-only files. */
  private static final Duration CONTRACT_TIMEOUT = Duration.ofSeconds(5);

  private static final Duration OUTAGE_TIMEOUT = Duration.ofSeconds(1);

  @TempDir static Path clusterDir;
  private static RedisCluster cluster;

  private String namespace;

  @BeforeAll
  static void startCluster() {
    cluster = RedisCluster.start(clusterDir);
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Override
  protected KvNamespace newNamespace(Clock clock) {
    namespace = "cluster-test-" + NAMESPACES.incrementAndGet();
    return RedisKvNamespace.open(settings(cluster.urls(), CONTRACT_TIMEOUT), clock);
  }

  private RedisKvSettings settings(List<URI> seeds, Duration timeout) {
    return RedisKvSettings.cluster(seeds, namespace).withTimeout(timeout);
  }

  @Test
  void aNamespaceLivesInOneSlotAndNamespacesSpreadOverTheNodes() {
    try (Jedis jedis = new Jedis("127.0.0.1", cluster.nodes().getFirst().port())) {
      RedisKvKeys keys = new RedisKvKeys(namespace);
      long indexSlot = jedis.clusterKeySlot(text(keys.index()));
      for (String key : List.of("a", "b", "é", "long/".repeat(50))) {
        byte[] name = key.getBytes(StandardCharsets.UTF_8);
        assertEquals(indexSlot, jedis.clusterKeySlot(text(keys.entry(name))), key);
      }
    }
    Set<Integer> primaries =
        IntStream.range(0, 30)
            .mapToObj(i -> cluster.nodeFor(text(new RedisKvKeys("ns-" + i).index())).port())
            .collect(Collectors.toSet());
    assertEquals(3, primaries.size(), "30 namespaces should use every primary");
  }

  @Test
  void oneSeedFindsTheNodeThatServesTheNamespace() {
    RedisServer owner = cluster.nodeFor(indexKey());
    RedisServer otherNode =
        cluster.nodes().stream().filter(node -> node != owner).findFirst().orElseThrow();

    try (RedisKvNamespace throughOtherNode =
        RedisKvNamespace.open(settings(List.of(otherNode.url()), CONTRACT_TIMEOUT), clock)) {
      throughOtherNode.put("k", "v");
      assertEquals(Optional.of("v"), kv.getText("k"));
    }
  }

  @Test
  void withItsNodeDownANamespaceFailsInBoundedTimeAndResumesWhenTheNodeReturns() {
    RedisServer owner = cluster.nodeFor(indexKey());
    try (RedisKvNamespace node = RedisKvNamespace.open(settings(cluster.urls(), OUTAGE_TIMEOUT));
        RedisKvNamespace openedDuringOutage =
            RedisKvNamespace.open(settings(List.of(owner.url()), OUTAGE_TIMEOUT))) {
      node.put("kept", "acknowledged before the outage");

      owner.stop();
      try {
        assertUnavailable(() -> node.getWithMetadata("kept"));
        assertUnavailable(() -> node.put("refused", "never acknowledged"));
        assertUnavailable(() -> openedDuringOutage.getWithMetadata("kept"));
      } finally {
        owner.start();
        cluster.awaitOk();
      }

      assertEquals(Optional.of("acknowledged before the outage"), node.getText("kept"));
      assertTrue(node.get("refused").isEmpty());
      assertEquals(
          Optional.of("acknowledged before the outage"), openedDuringOutage.getText("kept"));
    }
  }

  private String indexKey() {
    return text(new RedisKvKeys(namespace).index());
  }

  private static void assertUnavailable(Runnable call) {
    long started = System.nanoTime();
    assertThrows(BindingUnavailableException.class, call::run);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    // A cluster call may try twice more after one that timed out, until a deadline of one timeout.
    assertTrue(took.compareTo(OUTAGE_TIMEOUT.multipliedBy(4)) < 0, "took " + took);
  }

  private static String text(byte[] utf8) {
    return new String(utf8, StandardCharsets.UTF_8);
  }
}
