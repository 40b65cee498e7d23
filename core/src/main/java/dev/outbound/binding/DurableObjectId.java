package dev.outbound.binding;

import java.util.Objects;
import java.util.Optional;

/**
 * The id of a durable object: 64 lowercase hex digits, and the name it was derived from, if any.
 * Equal ids have equal hex.
 */
public final class DurableObjectId {

  private static final int HEX_DIGITS = 64;

  private final String hex;
  private final String name;

  private DurableObjectId(String hex, String name) {
    this.hex = hex;
    this.name = name;
  }

  /**
   * Parses an id from its hex form.
   *
   * @throws IllegalArgumentException if {@code hex} is not exactly 64 lowercase hex digits
   */
  public static DurableObjectId parse(String hex) {
    boolean wellFormed =
        hex.length() == HEX_DIGITS
            && hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    if (!wellFormed) {
      throw new IllegalArgumentException(
          "a durable object id is 64 lowercase hex digits, got \"" + hex + "\"");
    }
    return new DurableObjectId(hex, null);
  }

  /**
   * Returns this id carrying the {@code name} it was derived from, for {@link
   * DurableObjectNamespace#idFromName}.
   */
  public DurableObjectId withName(String name) {
    return new DurableObjectId(hex, Objects.requireNonNull(name, "name"));
  }

  /** Returns the name this id was derived from, or empty for unique and parsed ids. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DurableObjectId id && hex.equals(id.hex);
  }

  @Override
  public int hashCode() {
    return hex.hashCode();
  }

  /**
   * Returns the 64 hex digits, which {@link #parse} and {@link DurableObjectNamespace#idFromString}
   * read back.
   */
  @Override
  public String toString() {
    return hex;
  }
}
