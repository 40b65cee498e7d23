package dev.outbound.runtime.binding;

import dev.outbound.runtime.binding.embedded.DirectoryBucket;
import io.helidon.config.Config;
import java.nio.file.Path;

/**
 * {@code type: bucket}: an object bucket in a local directory, by default
 * {@code <data-dir>/buckets/<NAME>}, or {@code path: DIR}.
 */
final class BucketBindingFactory implements BindingFactory {

  @Override
  public Object create(String name, Config node, BindingContext context) {
    Path directory = node.get("path").asString().map(Path::of).orElse(context.dataDir().resolve("buckets").resolve(name));
    try {
      return DirectoryBucket.open(directory);
    } catch (RuntimeException e) {
      throw new InvalidBindingException("outbound.bindings." + name + ": cannot open bucket directory "
          + directory + " (" + e.getMessage() + ")");
    }
  }
}
