package dev.outbound.runtime.binding.durable;

import dev.outbound.binding.DurableObjectId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Makes the ids of one namespace: 64 hex digits, from a name's hash or from random bytes. */
final class DurableObjectIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String namespace;

  DurableObjectIds(String namespace) {
    this.namespace = namespace;
  }

  /** Returns hex(SHA-256(namespace + "/" + name)): the same every run, distinct per namespace. */
  DurableObjectId fromName(String name) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest((namespace + "/" + name).getBytes(StandardCharsets.UTF_8));
      return DurableObjectId.parse(HexFormat.of().formatHex(hash)).withName(name);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java platform has SHA-256", e);
    }
  }

  /** Returns 256 random bits, which no other call returns in practice. */
  DurableObjectId unique() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return DurableObjectId.parse(HexFormat.of().formatHex(bytes));
  }
}
