package dev.outbound.processor.writing;

import com.palantir.javapoet.ClassName;

/**
 * Names of the generated classes: the annotated class's simple names joined by {@code _} and a
 * suffix, in the class's package ({@code MyApp_OutboundRoutes}, {@code
 * Outer_Inner_OutboundRoutes}).
 */
public final class GeneratedNames {

  private GeneratedNames() {}

  public static ClassName routes(ClassName container) {
    return named(container, "OutboundRoutes");
  }

  public static ClassName injector(ClassName container) {
    return named(container, "Injector");
  }

  public static ClassName definition(ClassName container) {
    return named(container, "OutboundContainer");
  }

  public static ClassName stub(ClassName objectClass) {
    return named(objectClass, "Stub");
  }

  public static ClassName objectDefinition(ClassName objectClass) {
    return named(objectClass, "DurableObject");
  }

  private static ClassName named(ClassName annotated, String suffix) {
    return ClassName.get(
        annotated.packageName(), String.join("_", annotated.simpleNames()) + "_" + suffix);
  }
}
