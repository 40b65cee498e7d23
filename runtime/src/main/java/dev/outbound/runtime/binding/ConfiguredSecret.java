package dev.outbound.runtime.binding;

import dev.outbound.binding.Secret;

/** A secret read once at start. Its text form never shows the value, so logs cannot leak it. */
final class ConfiguredSecret implements Secret {

  private final String name;
  private final String value;

  ConfiguredSecret(String name, String value) {
    this.name = name;
    this.value = value;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return "Secret[" + name + "]";
  }
}
