package dev.outbound.processor.writing;

import com.palantir.javapoet.ClassName;

/**
 * Names of the generated classes: the container's simple names joined by {@code _} and a suffix, in
 * the container's package ({@code MyApp_OutboundRoutes}, {@code Outer_Inner_OutboundRoutes}).
 */
public final class GeneratedNames {

    private GeneratedNames() {
    }

    public static ClassName routes(ClassName container) {
        return named(container, "OutboundRoutes");
    }

    public static ClassName injector(ClassName container) {
        return named(container, "Injector");
    }

    public static ClassName definition(ClassName container) {
        return named(container, "OutboundContainer");
    }

    private static ClassName named(ClassName container, String suffix) {
        return ClassName.get(container.packageName(), String.join("_", container.simpleNames()) + "_" + suffix);
    }
}
