package dev.outbound.runtime.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.outbound.runtime.binding.embedded.DirectoryBucket;
import dev.outbound.runtime.binding.s3.S3Bucket;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code type: bucket} with each backend, and the one line a mistake in its keys gets. */
class BucketBindingFactoryTest {

  private static final Map<String, String> ENVIRONMENT = Map.of("BUCKET_SECRET", "s3cr3t");

  @TempDir
  Path dataDir;

  private Object create(Map<String, String> node) {
    return new BucketBindingFactory(ENVIRONMENT::get).create("FILES", Config.just(ConfigSources.create(node)),
        new BindingContext(dataDir, getClass().getClassLoader(), null));
  }

  private String problem(Map<String, String> node) {
    return assertThrows(InvalidBindingException.class, () -> create(node)).getMessage();
  }

  @Test
  void aDirectoryByDefault() throws Exception {
    try (var bucket = (AutoCloseable) create(Map.of("type", "bucket"))) {
      assertInstanceOf(DirectoryBucket.class, bucket);
    }
  }

  @Test
  void anS3BucketOpensWithoutReachingTheService() throws Exception {
    // Nothing listens on port 1: opening sends nothing, so a node starts while S3 is down.
    try (var bucket = (AutoCloseable) create(Map.of("type", "bucket", "backend", "s3", "bucket", "files",
        "region", "us-east-1", "endpoint", "http://127.0.0.1:1", "path-style", "true",
        "access-key-id", "outbound", "secret-access-key-env", "BUCKET_SECRET"))) {
      assertInstanceOf(S3Bucket.class, bucket);
    }
  }

  @Test
  void saysWhichKeyIsWrong() {
    Map<String, String> s3 = Map.of("backend", "s3", "bucket", "files", "region", "auto");
    assertEquals("outbound.bindings.FILES.backend: unknown backend gcs; known: directory, s3",
        problem(Map.of("backend", "gcs")));
    assertEquals("outbound.bindings.FILES.bucket: missing; give the name of an existing S3 bucket",
        problem(Map.of("backend", "s3", "region", "auto")));
    assertEquals("outbound.bindings.FILES.endpoint: an S3 endpoint is an http or https URL without a path, "
        + "got ftp://example.com", problem(with(s3, "endpoint", "ftp://example.com")));
    assertEquals("outbound.bindings.FILES.path-style: expected true or false, got yes",
        problem(with(s3, "path-style", "yes")));
    assertEquals("outbound.bindings.FILES.secret-access-key-env: environment variable NOT_SET is not set",
        problem(with(with(s3, "access-key-id", "outbound"), "secret-access-key-env", "NOT_SET")));
    assertEquals("outbound.bindings.FILES: access-key-id and secret-access-key-env go together; give both, "
        + "or neither to use AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or the AWS SDK's other sources",
        problem(with(s3, "access-key-id", "outbound")));
    assertEquals("outbound.bindings.FILES.secret-access-key: never put the secret in the configuration; "
        + "name the environment variable that holds it with secret-access-key-env",
        problem(with(s3, "secret-access-key", "s3cr3t")));
    assertEquals("outbound.bindings.FILES.path: not a key of the s3 backend; its keys: access-key-id, bucket, "
        + "endpoint, path-style, region, secret-access-key-env", problem(with(s3, "path", "/tmp")));
    assertEquals("outbound.bindings.FILES.bucket: not a key of the directory backend; its keys: path",
        problem(Map.of("bucket", "files")));
  }

  private static Map<String, String> with(Map<String, String> node, String key, String value) {
    var copy = new java.util.HashMap<>(node);
    copy.put(key, value);
    return copy;
  }
}
