package dev.outbound.runtime.identity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256, which every JDK must provide. */
final class Sha256 {

  private Sha256() {}

  static byte[] digest(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("the JDK has no SHA-256", impossible);
    }
  }
}
