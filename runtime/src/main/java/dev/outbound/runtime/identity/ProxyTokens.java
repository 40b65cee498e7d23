package dev.outbound.runtime.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Proxy credentials: 256 random bits, URL-safe so they fit in a proxy URL, stored only as a hash.
 */
final class ProxyTokens {

  private ProxyTokens() {}

  static String generate(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] hash(String token) {
    return Sha256.digest(token.getBytes(StandardCharsets.UTF_8));
  }
}
