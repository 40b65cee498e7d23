package dev.outbound.runtime.binding;

import dev.outbound.runtime.binding.embedded.DirectoryBucket;
import dev.outbound.runtime.binding.s3.S3Bucket;
import dev.outbound.runtime.binding.s3.S3BucketSettings;
import io.helidon.config.Config;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code type: bucket}: an object bucket in a local directory ({@code backend: directory}, the default),
 * by default {@code <data-dir>/buckets/<NAME>}, or {@code path: DIR}; or in a bucket of any
 * S3-compatible service ({@code backend: s3}) with {@code bucket}, {@code region}, and optionally
 * {@code endpoint}, {@code path-style} and {@code access-key-id} with {@code secret-access-key-env}, the
 * name of the environment variable that holds the secret. Without an access key the AWS SDK's default
 * chain finds credentials ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, profiles, roles).
 */
final class BucketBindingFactory implements BindingFactory {

  private static final List<String> BACKENDS = List.of("directory", "s3");
  private static final Set<String> S3_KEYS =
      Set.of("bucket", "region", "endpoint", "path-style", "access-key-id", "secret-access-key-env");

  private final Function<String, String> environment;

  BucketBindingFactory() {
    this(System::getenv);
  }

  /** For tests: reads environment variables from {@code environment}. */
  BucketBindingFactory(Function<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Object create(String name, Config config, BindingContext context) {
    BindingNode node = new BindingNode(name, config);
    String backend = node.backend("directory");
    return switch (backend) {
      case "directory" -> directory(node, context);
      case "s3" -> S3Bucket.open(s3Settings(node));
      default -> throw node.unknownBackend(backend, BACKENDS);
    };
  }

  private static DirectoryBucket directory(BindingNode node, BindingContext context) {
    node.allowOnly("directory", Set.of("path"));
    Path directory = node.optional("path").map(Path::of)
        .orElse(context.dataDir().resolve("buckets").resolve(node.name()));
    try {
      return DirectoryBucket.open(directory);
    } catch (RuntimeException e) {
      throw node.problem("cannot open bucket directory " + directory + " (" + e.getMessage() + ")");
    }
  }

  private S3BucketSettings s3Settings(BindingNode node) {
    if (node.has("secret-access-key")) {
      // A secret in the YAML ends up in backups and version control.
      throw node.problem("secret-access-key",
          "never put the secret in the configuration; name the environment variable that holds it with "
              + "secret-access-key-env");
    }
    node.allowOnly("s3", S3_KEYS);
    String bucket = node.required("bucket", "the name of an existing S3 bucket");
    String region = node.optional("region").or(() -> variable("AWS_REGION"))
        .orElseThrow(() -> node.problem("region",
            "missing and AWS_REGION is not set; give the signing region, such as us-east-1, or auto for Cloudflare R2"));
    S3BucketSettings settings = S3BucketSettings.of(bucket, region)
        .withPathStyle(node.flag("path-style", false));
    Optional<String> endpoint = node.optional("endpoint");
    if (endpoint.isPresent()) {
      try {
        settings = settings.withEndpoint(URI.create(endpoint.get()));
      } catch (IllegalArgumentException e) {
        throw node.problem("endpoint", e.getMessage());
      }
    }
    Optional<String> accessKeyId = node.optional("access-key-id");
    Optional<String> secretVariable = node.optional("secret-access-key-env");
    if (accessKeyId.isPresent() != secretVariable.isPresent()) {
      throw node.problem("access-key-id and secret-access-key-env go together; give both, or neither to use "
          + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or the AWS SDK's other sources");
    }
    if (accessKeyId.isPresent()) {
      String secret = variable(secretVariable.get()).orElseThrow(() -> node.problem("secret-access-key-env",
          "environment variable " + secretVariable.get() + " is not set"));
      settings = settings.withCredentials(accessKeyId.get(), secret);
    }
    return settings;
  }

  private Optional<String> variable(String name) {
    return Optional.ofNullable(environment.apply(name)).filter(value -> !value.isBlank());
  }
}
