package dev.outbound.runtime.binding;

import dev.outbound.runtime.binding.redis.RedisKvNamespace;
import dev.outbound.runtime.binding.redis.RedisKvSettings;
import io.helidon.config.Config;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code type: kv}: a KV namespace in an embedded SQLite file ({@code backend: sqlite}, the
 * default), by default {@code <data-dir>/kv/<NAME>.sqlite}, or {@code path: FILE}, opened at its
 * first use after a check at start; or in Redis ({@code backend: redis}) with {@code url:
 * redis://host:port/db} for one server or {@code cluster: [redis://host:port, ...]} for the seeds
 * of a Redis Cluster, and {@code prefix}, the namespace that prefixes its keys (the binding's name
 * unless set), so that nodes configured alike share the namespace.
 */
final class KvBindingFactory implements BindingFactory {

  private static final List<String> BACKENDS = List.of("sqlite", "redis");

  @Override
  public Object create(String name, Config config, BindingContext context) {
    BindingNode node = new BindingNode(name, config);
    String backend = node.backend("sqlite");
    return switch (backend) {
      case "sqlite" -> sqlite(node, context);
      case "redis" -> RedisKvNamespace.open(redisSettings(node));
      default -> throw node.unknownBackend(backend, BACKENDS);
    };
  }

  private static SqliteKvOnFirstUse sqlite(BindingNode node, BindingContext context) {
    node.allowOnly("sqlite", Set.of("path"));
    Path file =
        node.optional("path")
            .map(Path::of)
            .orElse(context.dataDir().resolve("kv").resolve(node.name() + ".sqlite"));
    try {
      SqliteKvOnFirstUse.check(file);
    } catch (IOException | RuntimeException e) {
      throw node.problem("cannot open KV file " + file + " (" + e.getMessage() + ")");
    }
    return new SqliteKvOnFirstUse(file);
  }

  private static RedisKvSettings redisSettings(BindingNode node) {
    node.allowOnly("redis", Set.of("url", "cluster", "prefix"));
    List<String> seeds = node.list("cluster");
    boolean standalone = node.has("url");
    if (standalone == !seeds.isEmpty()) {
      throw node.problem(
          "a redis backend needs exactly one of url: redis://host:port/db or "
              + "cluster: [redis://host:port, ...]");
    }
    String prefix = node.optional("prefix").orElse(node.name());
    try {
      return standalone
          ? RedisKvSettings.standalone(
              url(node, "url", node.required("url", "a redis:// URL")), prefix)
          : RedisKvSettings.cluster(
              seeds.stream().map(seed -> url(node, "cluster", seed)).toList(), prefix);
    } catch (IllegalArgumentException e) {
      // The message names the URL without its password, or the prefix.
      throw node.problem(e.getMessage());
    }
  }

  /** Parses a URL without repeating it, since it may hold a password. */
  private static URI url(BindingNode node, String key, String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw node.problem(key, "not a URL: " + e.getReason());
    }
  }
}
