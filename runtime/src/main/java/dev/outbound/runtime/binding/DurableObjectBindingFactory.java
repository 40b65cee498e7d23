package dev.outbound.runtime.binding;

import dev.outbound.runtime.binding.durable.DurableObjectSettings;
import dev.outbound.runtime.binding.durable.SqliteDurableObjectNamespace;
import dev.outbound.spi.DurableObjectDefinition;
import io.helidon.config.Config;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * {@code type: durable-object} with {@code class: CLASS}: a namespace of objects of that
 * {@code @DurableObject} class, one SQLite file each under {@code
 * <data-dir>/durable-objects/<NAME>}. {@code max-open-objects} bounds the SQLite handles kept open.
 */
final class DurableObjectBindingFactory implements BindingFactory {

  @Override
  public Object create(String name, Config node, BindingContext context) {
    String key = "outbound.bindings." + name;
    String className =
        node.get("class")
            .asString()
            .orElseThrow(
                () ->
                    new InvalidBindingException(
                        key
                            + ".class is missing: name the @DurableObject class"
                            + " whose objects this namespace holds; known: "
                            + String.join(", ", knownClasses(context))));
    DurableObjectDefinition<?> definition =
        find(className, context)
            .orElseThrow(
                () ->
                    new InvalidBindingException(
                        key
                            + ".class: "
                            + className
                            + " is not a @DurableObject"
                            + " class on the class path; known: "
                            + String.join(", ", knownClasses(context))));
    int maxOpen =
        node.get("max-open-objects").asInt().orElse(DurableObjectSettings.DEFAULT.maxOpenObjects());
    if (maxOpen < 1) {
      throw new InvalidBindingException(
          key + ".max-open-objects must be at least 1, was " + maxOpen);
    }
    return namespace(name, definition, context, maxOpen);
  }

  private static <T> SqliteDurableObjectNamespace<T> namespace(
      String name, DurableObjectDefinition<T> definition, BindingContext context, int maxOpen) {
    return new SqliteDurableObjectNamespace<>(
        name,
        SqliteDurableObjectNamespace.directoryUnder(context.dataDir(), name),
        definition,
        context.bindings(),
        Clock.systemUTC(),
        new DurableObjectSettings(maxOpen, DurableObjectSettings.DEFAULT.alarmBackoff()));
  }

  private static Optional<DurableObjectDefinition<?>> find(
      String className, BindingContext context) {
    for (DurableObjectDefinition<?> definition : definitions(context)) {
      Class<?> type = definition.objectClass();
      if (type.getName().equals(className) || type.getSimpleName().equals(className)) {
        return Optional.of(definition);
      }
    }
    return Optional.empty();
  }

  private static List<String> knownClasses(BindingContext context) {
    List<String> names = new ArrayList<>();
    definitions(context).forEach(definition -> names.add(definition.objectClass().getName()));
    return names.isEmpty() ? List.of("(none)") : names;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Iterable<DurableObjectDefinition<?>> definitions(BindingContext context) {
    return (Iterable) ServiceLoader.load(DurableObjectDefinition.class, context.classLoader());
  }
}
