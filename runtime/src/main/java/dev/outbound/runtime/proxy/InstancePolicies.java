package dev.outbound.runtime.proxy;

import dev.outbound.runtime.egress.EgressExceptions;
import dev.outbound.runtime.identity.ContainerInstance;
import dev.outbound.runtime.policy.InstanceOverrides;
import dev.outbound.runtime.policy.InstancePolicy;
import dev.outbound.runtime.policy.OverridesStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compiled policy of each container instance, built on first use from its class and its stored
 * run-time overrides, and replaced whole when the admin API changes them.
 */
public final class InstancePolicies {

  /** One instance's policy and the addresses its allow list lets through the egress guard. */
  public record Compiled<T>(
      ContainerClass<T> containerClass,
      InstancePolicy<T> policy,
      EgressExceptions egressExceptions) {}

  private final Map<String, ContainerClass<?>> classes;
  private final OverridesStore overrides;
  private final Map<String, Compiled<?>> byInstance = new ConcurrentHashMap<>();

  public InstancePolicies(Map<String, ContainerClass<?>> classes, OverridesStore overrides) {
    this.classes = Map.copyOf(classes);
    this.overrides = overrides;
  }

  public Optional<ContainerClass<?>> containerClass(String name) {
    return Optional.ofNullable(classes.get(name));
  }

  /** Names of the loaded container classes, sorted. */
  public List<String> classNames() {
    return classes.keySet().stream().sorted().toList();
  }

  /** The instance's policy, or empty when its class is not loaded in this server. */
  public Optional<Compiled<?>> forInstance(ContainerInstance instance) {
    ContainerClass<?> containerClass = classes.get(instance.className());
    if (containerClass == null) {
      return Optional.empty();
    }
    Compiled<?> compiled = byInstance.get(instance.id());
    if (compiled == null) {
      compiled =
          byInstance.computeIfAbsent(
              instance.id(), id -> compile(containerClass, overrides.get(id)));
    }
    return Optional.of(compiled);
  }

  /**
   * Compiles a policy without installing it, so that the admin API can refuse bad overrides.
   *
   * @throws IllegalArgumentException with a message for the client
   */
  public static <T> Compiled<T> compile(
      ContainerClass<T> containerClass, InstanceOverrides instanceOverrides) {
    InstancePolicy<T> policy =
        InstancePolicy.compile(containerClass.policy(), instanceOverrides, containerClass.routes());
    List<String> allowed = policy.allowedHosts().orElse(List.of());
    return new Compiled<>(containerClass, policy, EgressExceptions.from(allowed));
  }

  /** Installs a policy compiled from overrides that have just been stored. */
  public void install(String instanceId, Compiled<?> compiled) {
    byInstance.put(instanceId, compiled);
  }

  public void forget(String instanceId) {
    byInstance.remove(instanceId);
  }
}
