package dev.outbound.runtime.testkit;

import dev.outbound.binding.DurableObjectNamespace;
import dev.outbound.binding.KvNamespace;
import dev.outbound.binding.ObjectBucket;
import dev.outbound.binding.Secret;
import dev.outbound.spi.BindingRequirement;
import dev.outbound.spi.BindingResolver;
import dev.outbound.spi.ContainerDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a container class's bindings against those declared in the kit, and says which builder call
 * adds each one missing: the server's check would point at {@code outbound.yaml} instead.
 */
final class MissingBindings {

    private MissingBindings() {
    }

    /** One line per binding the class needs that the kit lacks or has with another type. */
    static List<String> of(ContainerDefinition<?> definition, BindingResolver bindings) {
        List<String> lines = new ArrayList<>();
        for (BindingRequirement need : definition.bindings()) {
            try {
                bindings.binding(need.name(), need.type());
            } catch (IllegalStateException missing) {
                lines.add(definition.name() + " needs " + need.declaredType() + " " + need.name() + " ("
                        + need.declaredAt() + "): " + missing.getMessage() + "; declare it with " + builderCall(need));
            }
        }
        return lines;
    }

    private static String builderCall(BindingRequirement need) {
        String name = "\"" + need.name() + "\"";
        if (need.type() == KvNamespace.class) {
            return ".kv(" + name + ")";
        }
        if (need.type() == ObjectBucket.class) {
            return ".bucket(" + name + ")";
        }
        if (need.type() == DurableObjectNamespace.class) {
            // DurableObjectNamespace<Counter> names the object class: Counter
            return ".durableObject(" + name + ", " + need.declaredType().replaceFirst(".*<(.*)>$", "$1") + ".class)";
        }
        if (need.type() == Secret.class) {
            return ".secret(" + name + ", value)";
        }
        return "a binding of a type the test kit cannot make (" + need.type().getSimpleName() + ")";
    }
}
