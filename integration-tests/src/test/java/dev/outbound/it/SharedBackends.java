package dev.outbound.it;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A redis-server child process and an s3proxy server, both on 127.0.0.1, and the configuration that
 * puts the examples' {@code KV} binding on that Redis and {@code BUCKET} on that S3 bucket, as every node
 * of a cluster of proxies is configured.
 */
final class SharedBackends implements AutoCloseable {

  private static final String SECRET_VARIABLE = "OUTBOUND_IT_S3_SECRET";

  final RedisProcess redis;
  final S3ProxyServer s3;

  private SharedBackends(RedisProcess redis, S3ProxyServer s3) {
    this.redis = redis;
    this.s3 = s3;
  }

  static SharedBackends start(Path dir) throws Exception {
    RedisProcess redis = RedisProcess.start(dir.resolve("redis"));
    try {
      return new SharedBackends(redis, S3ProxyServer.start(dir.resolve("s3")));
    } catch (Exception | Error e) {
      redis.close();
      throw e;
    }
  }

  /** Starts a proxy node with its own data directory under {@code dir}, sharing KV and bucket. */
  ServerProcess startNode(Path dir) {
    Path config = ExampleServer.configWithBindings(dir, Map.of(
        "KV", """
            type: kv
            backend: redis
            url: %s
            prefix: it
            """.formatted(redis.url()),
        "BUCKET", """
            type: bucket
            backend: s3
            bucket: %s
            region: us-east-1
            endpoint: %s
            path-style: true
            access-key-id: %s
            secret-access-key-env: %s
            """.formatted(S3ProxyServer.BUCKET, s3.endpoint(), S3ProxyServer.ACCESS_KEY_ID, SECRET_VARIABLE)));
    Map<String, String> env = new HashMap<>(ExampleServer.env());
    env.put(SECRET_VARIABLE, S3ProxyServer.SECRET_ACCESS_KEY);
    return ServerProcess.start(dir.resolve("data"), config, env);
  }

  @Override
  public void close() throws Exception {
    try (s3) {
      redis.close();
    }
  }
}
