package dev.outbound.runtime.binding;

import dev.outbound.spi.BindingResolver;
import java.nio.file.Path;

/**
 * What a binding factory may use besides its own config node.
 *
 * @param dataDir where embedded backends keep their files
 * @param classLoader where generated definitions (durable object classes) are found
 * @param bindings the other configured bindings, for backends whose objects take bindings
 *     themselves; resolve them lazily, when an object is activated, not while the factory runs
 */
public record BindingContext(Path dataDir, ClassLoader classLoader, BindingResolver bindings) {}
