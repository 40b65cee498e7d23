package dev.outbound.runtime.binding;

import io.helidon.config.Config;
import io.helidon.config.ConfigException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One binding's node {@code outbound.bindings.<NAME>}, read by a factory that has several backends:
 * each mistake becomes an {@link InvalidBindingException} naming the key to change.
 */
final class BindingNode {

  /** Keys every binding has, whatever its backend. */
  private static final Set<String> COMMON_KEYS = Set.of("type", "backend");

  private final String name;
  private final Config node;

  BindingNode(String name, Config node) {
    this.name = name;
    this.node = node;
  }

  String name() {
    return name;
  }

  /** The {@code backend} key, or {@code defaultBackend} without one. */
  String backend(String defaultBackend) {
    return optional("backend").orElse(defaultBackend);
  }

  /** The problem of a backend this binding type does not have. */
  InvalidBindingException unknownBackend(String backend, List<String> known) {
    return problem("backend", "unknown backend " + backend + "; known: " + String.join(", ", known));
  }

  /**
   * Refuses keys that {@code backend} does not read, so that a misspelt or misplaced key is not
   * silently ignored.
   */
  void allowOnly(String backend, Set<String> keys) {
    for (Config child : node.asNodeList().orElse(List.of())) {
      String key = child.name();
      if (!COMMON_KEYS.contains(key) && !keys.contains(key)) {
        Set<String> allowed = new TreeSet<>(keys);
        throw problem(key, "not a key of the " + backend + " backend; its keys: " + String.join(", ", allowed));
      }
    }
  }

  boolean has(String key) {
    return node.get(key).exists();
  }

  Optional<String> optional(String key) {
    try {
      return node.get(key).asString().asOptional().map(String::strip).filter(value -> !value.isEmpty());
    } catch (ConfigException e) {
      throw problem(key, "expected a single value");
    }
  }

  /** The value of {@code key}; its absence is a problem that says what to give, such as "the S3 bucket name". */
  String required(String key, String what) {
    return optional(key).orElseThrow(() -> problem(key, "missing; give " + what));
  }

  boolean flag(String key, boolean defaultValue) {
    return optional(key).map(value -> switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw problem(key, "expected true or false, got " + value);
    }).orElse(defaultValue);
  }

  /** A list of values, also accepted as a single value. */
  List<String> list(String key) {
    Config child = node.get(key);
    if (!child.exists() || child.isLeaf()) {
      return optional(key).map(List::of).orElse(List.of());
    }
    try {
      return child.asList(String.class).get().stream().map(String::strip).toList();
    } catch (ConfigException e) {
      throw problem(key, "expected a list of values");
    }
  }

  /** A problem with {@code key}, as one start-up problem line. */
  InvalidBindingException problem(String key, String message) {
    return new InvalidBindingException("outbound.bindings." + name + "." + key + ": " + message);
  }

  /** A problem with the binding as a whole. */
  InvalidBindingException problem(String message) {
    return new InvalidBindingException("outbound.bindings." + name + ": " + message);
  }
}
