package dev.outbound.runtime.binding;

import io.helidon.config.Config;
import java.nio.file.Path;

/** Makes one configured binding at start. */
@FunctionalInterface
public interface BindingFactory {

    /**
     * The binding instance.
     *
     * @param name    the binding's name, as handlers ask for it with {@code @Named}
     * @param node    its node {@code outbound.bindings.<name>}
     * @param dataDir where embedded backends keep their files
     * @throws InvalidBindingException with a message that says what to change
     */
    Object create(String name, Config node, Path dataDir);
}
