package dev.outbound.binding;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of a bucket write: HTTP and custom metadata, conditions the current object must meet, and
 * checksums the body must have (hex, stored lowercase).
 */
public record PutOptions(
    HttpMetadata httpMetadata,
    Map<String, String> customMetadata,
    Conditions onlyIf,
    Optional<String> md5Hex,
    Optional<String> sha256Hex) {

  /**
   * Copies the custom metadata and checks it and the checksums.
   *
   * @throws BindingLimitException if the custom metadata breaks {@link
   *     ObjectLimits#checkCustomMetadata}
   * @throws IllegalArgumentException if a checksum is not 32 (MD5) or 64 (SHA-256) hex digits
   */
  public PutOptions {
    Objects.requireNonNull(httpMetadata, "httpMetadata");
    ObjectLimits.checkCustomMetadata(customMetadata);
    customMetadata = Map.copyOf(customMetadata);
    Objects.requireNonNull(onlyIf, "onlyIf");
    md5Hex = md5Hex.map(hex -> checkedHex(hex, 32, "MD5"));
    sha256Hex = sha256Hex.map(hex -> checkedHex(hex, 64, "SHA-256"));
  }

  /** Returns options with no metadata, conditions or checksums. */
  public static PutOptions none() {
    return new PutOptions(
        HttpMetadata.empty(), Map.of(), Conditions.none(), Optional.empty(), Optional.empty());
  }

  /** Returns a copy that stores {@code httpMetadata} with the object. */
  public PutOptions withHttpMetadata(HttpMetadata httpMetadata) {
    return new PutOptions(httpMetadata, customMetadata, onlyIf, md5Hex, sha256Hex);
  }

  /** Returns a copy that stores {@code customMetadata} with the object. */
  public PutOptions withCustomMetadata(Map<String, String> customMetadata) {
    return new PutOptions(httpMetadata, customMetadata, onlyIf, md5Hex, sha256Hex);
  }

  /**
   * Returns a copy that writes only if the current object passes {@code onlyIf} (see {@link
   * Conditions#testMissing()}).
   */
  public PutOptions withOnlyIf(Conditions onlyIf) {
    return new PutOptions(httpMetadata, customMetadata, onlyIf, md5Hex, sha256Hex);
  }

  /** Returns a copy that rejects a body whose MD5 is not {@code md5Hex}. */
  public PutOptions withMd5Hex(String md5Hex) {
    return new PutOptions(httpMetadata, customMetadata, onlyIf, Optional.of(md5Hex), sha256Hex);
  }

  /** Returns a copy that rejects a body whose SHA-256 is not {@code sha256Hex}. */
  public PutOptions withSha256Hex(String sha256Hex) {
    return new PutOptions(httpMetadata, customMetadata, onlyIf, md5Hex, Optional.of(sha256Hex));
  }

  private static String checkedHex(String hex, int digits, String algorithm) {
    if (hex.length() != digits || !hex.chars().allMatch(HexFormat::isHexDigit)) {
      throw new IllegalArgumentException(
          algorithm + " must be " + digits + " hex digits, got \"" + hex + "\"");
    }
    return hex.toLowerCase(Locale.ROOT);
  }
}
