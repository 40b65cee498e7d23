package dev.outbound.runtime.binding;

import dev.outbound.binding.DurableObjectNamespace;
import dev.outbound.binding.KvNamespace;
import dev.outbound.binding.ObjectBucket;
import dev.outbound.binding.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The table of binding types the configuration may name. */
public final class BindingTypes {

  private final Map<String, BindingType> byName;
  private final List<String> names;

  private BindingTypes(List<BindingType> types) {
    Map<String, BindingType> map = new LinkedHashMap<>();
    for (BindingType type : types) {
      if (map.put(type.name(), type) != null) {
        throw new IllegalArgumentException("binding type " + type.name() + " is listed twice");
      }
    }
    this.byName = Map.copyOf(map);
    this.names = List.copyOf(map.keySet());
  }

  /** Every type this runtime ships. */
  public static BindingTypes standard() {
    return of(
        List.of(
            new BindingType("kv", KvNamespace.class, new KvBindingFactory()),
            new BindingType("bucket", ObjectBucket.class, new BucketBindingFactory()),
            new BindingType(
                "durable-object", DurableObjectNamespace.class, new DurableObjectBindingFactory()),
            new BindingType("secret", Secret.class, new SecretBindingFactory())));
  }

  public static BindingTypes of(List<BindingType> types) {
    return new BindingTypes(types);
  }

  public Optional<BindingType> named(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The type whose instances handlers receive as {@code bindingInterface}, if any. */
  public Optional<BindingType> providing(Class<?> bindingInterface) {
    return byName.values().stream()
        .filter(type -> type.type().equals(bindingInterface))
        .findFirst();
  }

  /** The type names, in table order, for messages. */
  public List<String> names() {
    return names;
  }
}
