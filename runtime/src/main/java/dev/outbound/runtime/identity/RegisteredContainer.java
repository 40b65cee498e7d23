package dev.outbound.runtime.identity;

import java.util.Optional;

/** A registered instance with the hash of its token, as the registry holds and stores it. */
final class RegisteredContainer {

  private final ContainerInstance instance;
  private final byte[] tokenHash;

  /** Built once: {@link ContainerRegistry#authenticate} returns it on every request. */
  private final Optional<ContainerInstance> found;

  RegisteredContainer(ContainerInstance instance, byte[] tokenHash) {
    if (tokenHash.length != 32) {
      throw new IllegalArgumentException("a token hash is 32 bytes, not " + tokenHash.length);
    }
    this.instance = instance;
    this.tokenHash = tokenHash;
    this.found = Optional.of(instance);
  }

  ContainerInstance instance() {
    return instance;
  }

  String id() {
    return instance.id();
  }

  /** The stored hash itself; callers only compare it. */
  byte[] tokenHash() {
    return tokenHash;
  }

  Optional<ContainerInstance> found() {
    return found;
  }
}
