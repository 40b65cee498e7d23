package dev.outbound.runtime.identity;

/**
 * One change to the registry as its journal records it. The sequence numbers grow by one per
 * change; a snapshot names the last one it includes, so replay skips what the snapshot holds.
 */
sealed interface RegistryChange {

  long sequence();

  record Registered(long sequence, RegisteredContainer entry) implements RegistryChange {}

  record Deleted(long sequence, String id) implements RegistryChange {}
}
