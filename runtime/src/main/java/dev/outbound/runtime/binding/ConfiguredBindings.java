package dev.outbound.runtime.binding;

import dev.outbound.runtime.config.ConfigProblems;
import dev.outbound.spi.BindingRequirement;
import dev.outbound.spi.BindingResolver;
import dev.outbound.spi.ContainerDefinition;
import io.helidon.config.Config;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bindings made from {@code outbound.bindings} at start; generated injectors ask it for theirs.
 * Problems (unknown types, unreadable secrets, bindings the classes need but nobody configured) are
 * collected, one line each.
 */
public final class ConfiguredBindings implements BindingResolver, AutoCloseable {

  private record Made(BindingType type, Object instance) {}

  private final Map<String, Made> bindings;
  private final BindingTypes types;

  private ConfiguredBindings(Map<String, Made> bindings, BindingTypes types) {
    this.bindings = bindings;
    this.types = types;
  }

  /**
   * Makes every configured binding; the ones that fail are reported to {@code problems} and left
   * out.
   */
  public static ConfiguredBindings create(
      Map<String, Config> nodes,
      BindingTypes types,
      Path dataDir,
      ClassLoader classLoader,
      ConfigProblems problems) {
    Map<String, Made> made = new LinkedHashMap<>();
    ConfiguredBindings configured = new ConfiguredBindings(made, types);
    BindingContext context = new BindingContext(dataDir, classLoader, configured);
    nodes.forEach(
        (name, node) -> {
          String key = "outbound.bindings." + name + ".type";
          Optional<String> typeName = node.get("type").asString().asOptional();
          if (typeName.isEmpty()) {
            problems.add(key + " is missing; known types: " + String.join(", ", types.names()));
            return;
          }
          Optional<BindingType> type = types.named(typeName.get());
          if (type.isEmpty()) {
            problems.add(
                key
                    + ": unknown binding type "
                    + typeName.get()
                    + "; known: "
                    + String.join(", ", types.names()));
            return;
          }
          try {
            made.put(name, new Made(type.get(), type.get().factory().create(name, node, context)));
          } catch (InvalidBindingException e) {
            problems.add(e.getMessage());
          }
        });
    return configured;
  }

  /** Checks every binding each class's constructor needs against what is configured. */
  public void check(
      Collection<? extends ContainerDefinition<?>> definitions,
      Map<String, Config> configured,
      ConfigProblems problems) {
    for (ContainerDefinition<?> definition : definitions) {
      for (BindingRequirement need : definition.bindings()) {
        String who =
            "binding "
                + need.name()
                + " needed by "
                + definition.name()
                + " ("
                + need.declaredAt()
                + ")";
        Made have = bindings.get(need.name());
        if (have == null) {
          if (!configured.containsKey(need.name())) {
            problems.add(who + " is not configured; " + howToConfigure(need));
          }
          // configured but broken: its own problem line already says why
        } else if (!need.type().isInstance(have.instance())) {
          problems.add(
              who
                  + " is configured as "
                  + have.type().name()
                  + ", which provides "
                  + have.type().type().getSimpleName()
                  + ", not "
                  + need.type().getSimpleName()
                  + "; "
                  + howToConfigure(need));
        }
      }
    }
  }

  private String howToConfigure(BindingRequirement need) {
    return types
        .providing(need.type())
        .map(type -> "add outbound.bindings." + need.name() + ".type: " + type.name())
        .orElse(
            "no binding type provides "
                + need.type().getSimpleName()
                + " yet (known: "
                + String.join(", ", types.names())
                + ")");
  }

  @Override
  public <B> B binding(String name, Class<B> type) {
    Made made = bindings.get(name);
    if (made == null) {
      throw new IllegalStateException("binding " + name + " is not configured");
    }
    if (!type.isInstance(made.instance())) {
      throw new IllegalStateException(
          "binding " + name + " is a " + made.type().name() + ", not a " + type.getSimpleName());
    }
    return type.cast(made.instance());
  }

  /** Closes bindings that hold resources (database files, connections). */
  @Override
  public void close() {
    for (Made made : bindings.values()) {
      if (made.instance() instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          System.getLogger(ConfiguredBindings.class.getName())
              .log(System.Logger.Level.WARNING, "closing binding failed", e);
        }
      }
    }
  }
}
