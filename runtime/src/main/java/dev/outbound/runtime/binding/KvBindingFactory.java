package dev.outbound.runtime.binding;

import dev.outbound.runtime.binding.embedded.SqliteKvNamespace;
import io.helidon.config.Config;
import java.nio.file.Path;

/**
 * {@code type: kv}: a KV namespace in an embedded SQLite file, by default
 * {@code <data-dir>/kv/<NAME>.sqlite}, or {@code path: FILE}.
 */
final class KvBindingFactory implements BindingFactory {

  @Override
  public Object create(String name, Config node, BindingContext context) {
    Path file = node.get("path").asString().map(Path::of).orElse(context.dataDir().resolve("kv").resolve(name + ".sqlite"));
    try {
      return SqliteKvNamespace.open(file);
    } catch (RuntimeException e) {
      throw new InvalidBindingException("outbound.bindings." + name + ": cannot open KV file " + file
          + " (" + e.getMessage() + ")");
    }
  }
}
