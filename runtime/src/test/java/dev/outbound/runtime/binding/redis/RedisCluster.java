package dev.outbound.runtime.binding.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/**
 * A Redis Cluster of three primaries, each a {@link RedisServer} child process with an append-only
 * file, joined by {@code redis-cli --cluster create}.
 */
final class RedisCluster implements AutoCloseable {

  private static final Duration FORM_TIMEOUT = Duration.ofSeconds(30);

  private final List<RedisServer> nodes;

  private RedisCluster(List<RedisServer> nodes) {
    this.nodes = nodes;
  }

  /** Starts three nodes in subdirectories of {@code dir} and waits until the cluster is ok. */
  static RedisCluster start(Path dir) {
    List<RedisServer> nodes = new ArrayList<>();
    RedisCluster cluster = new RedisCluster(nodes);
    try {
      for (int i = 0; i < 3; i++) {
        nodes.add(
            RedisServer.start(
                dir.resolve("node-" + i),
                "--appendonly",
                "yes",
                "--cluster-enabled",
                "yes",
                "--cluster-config-file",
                "nodes.conf",
                "--cluster-node-timeout",
                "1000"));
      }
      cluster.create();
      cluster.awaitOk();
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  List<RedisServer> nodes() {
    return nodes;
  }

  List<URI> urls() {
    return nodes.stream().map(RedisServer::url).toList();
  }

  /** Returns the primary that serves the slot of {@code key}. */
  RedisServer nodeFor(String key) {
    try (Jedis jedis = jedis(nodes.getFirst())) {
      long slot = jedis.clusterKeySlot(key);
      for (Object range : jedis.clusterSlots()) {
        List<?> fields = (List<?>) range;
        if ((Long) fields.get(0) <= slot && slot <= (Long) fields.get(1)) {
          long port = (Long) ((List<?>) fields.get(2)).get(1);
          return nodes.stream().filter(node -> node.port() == port).findFirst().orElseThrow();
        }
      }
    }
    throw new IllegalStateException("no node serves the slot of " + key);
  }

  /** Waits until every node says the cluster is ok, after a start or a node's restart. */
  void awaitOk() {
    Instant deadline = Instant.now().plus(FORM_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (nodes.stream().allMatch(RedisCluster::saysOk)) {
        return;
      }
      RedisServer.sleep(Duration.ofMillis(50));
    }
    throw new IllegalStateException("the Redis Cluster did not become ok");
  }

  @Override
  public void close() {
    nodes.forEach(RedisServer::close);
  }

  private void create() {
    List<String> command = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
    nodes.forEach(node -> command.add("127.0.0.1:" + node.port()));
    command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
    try {
      Process create = new ProcessBuilder(command).redirectErrorStream(true).start();
      create.getOutputStream().close();
      byte[] output = create.getInputStream().readAllBytes();
      if (!create.waitFor(FORM_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || create.exitValue() != 0) {
        throw new IllegalStateException(
            "redis-cli --cluster create failed:\n" + new String(output));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run redis-cli; is it installed?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean saysOk(RedisServer node) {
    try (Jedis jedis = jedis(node)) {
      return jedis.clusterInfo().contains("cluster_state:ok");
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Jedis jedis(RedisServer node) {
    return new Jedis("127.0.0.1", node.port());
  }
}
