package dev.outbound.runtime.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * One registered container instance.
 *
 * @param id 64 lowercase hex characters, also the id of the instance's durable object
 * @param name the name given at registration, or the id for an unnamed instance
 * @param className the container class ({@code @OutboundContainer(name)}) it runs as
 * @param createdAt when it was registered
 */
public record ContainerInstance(String id, String name, String className, Instant createdAt) {

  public ContainerInstance {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
