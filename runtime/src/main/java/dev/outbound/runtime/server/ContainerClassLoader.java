package dev.outbound.runtime.server;

import dev.outbound.runtime.binding.ConfiguredBindings;
import dev.outbound.runtime.config.ClassOverrides;
import dev.outbound.runtime.config.ConfigProblems;
import dev.outbound.runtime.policy.ClassPolicy;
import dev.outbound.runtime.policy.InstanceOverrides;
import dev.outbound.runtime.policy.InstancePolicy;
import dev.outbound.runtime.proxy.ContainerClass;
import dev.outbound.spi.ContainerDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Finds the generated container definitions and builds each class's one handler instance; the server
 * and the test kit load classes through here.
 */
public final class ContainerClassLoader {

    private ContainerClassLoader() {
    }

    /** Every registered definition; two classes with one name are a problem. */
    public static List<ContainerDefinition<?>> discover(ClassLoader classLoader, ConfigProblems problems) {
        Map<String, ContainerDefinition<?>> byName = new LinkedHashMap<>();
        for (ContainerDefinition<?> definition : ServiceLoader.load(ContainerDefinition.class, classLoader)) {
            ContainerDefinition<?> earlier = byName.putIfAbsent(definition.name(), definition);
            if (earlier != null && !earlier.handlerClass().equals(definition.handlerClass())) {
                problems.add("container class name " + definition.name() + " is used by both "
                        + earlier.handlerClass().getName() + " and " + definition.handlerClass().getName());
            }
        }
        return new ArrayList<>(byName.values());
    }

    /** The classes as this server runs them; what cannot be built is a problem. */
    public static Map<String, ContainerClass<?>> build(List<ContainerDefinition<?>> definitions,
            Map<String, ClassOverrides> overrides, ConfiguredBindings bindings, ConfigProblems problems) {
        Map<String, ContainerClass<?>> classes = new LinkedHashMap<>();
        for (ContainerDefinition<?> definition : definitions) {
            ContainerClass<?> built = build(definition, overrides.getOrDefault(definition.name(), ClassOverrides.NONE),
                    bindings, problems);
            if (built != null) {
                classes.put(definition.name(), built);
            }
        }
        return classes;
    }

    private static <T> ContainerClass<T> build(ContainerDefinition<T> definition, ClassOverrides overrides,
            ConfiguredBindings bindings, ConfigProblems problems) {
        String which = definition.name() + " (" + definition.handlerClass().getName() + ")";
        ClassPolicy policy = ClassPolicy.of(definition.policy()).withOverrides(overrides.enableInternet(),
                overrides.allowedHosts(), overrides.deniedHosts(), overrides.interceptHttps());
        try {
            InstancePolicy.compile(policy, InstanceOverrides.NONE, definition.routes());
        } catch (IllegalArgumentException e) {
            problems.add("policy of " + which + ": " + e.getMessage());
            return null;
        }
        try {
            return new ContainerClass<>(definition, definition.newInstance(bindings), policy);
        } catch (RuntimeException e) {
            problems.add("cannot create the handler of " + which + ": " + e);
            return null;
        }
    }
}
