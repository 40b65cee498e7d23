package dev.outbound.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PutOptionsTest {

  private static final String MD5 = "D41D8CD98F00B204E9800998ECF8427E";
  private static final String SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void checksumsAreStoredLowercase() {
    PutOptions options = PutOptions.none().withMd5Hex(MD5).withSha256Hex(SHA256.toUpperCase());
    assertEquals(Optional.of("d41d8cd98f00b204e9800998ecf8427e"), options.md5Hex());
    assertEquals(Optional.of(SHA256), options.sha256Hex());
  }

  @Test
  void checksumsOfTheWrongLengthOrAlphabetAreRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> PutOptions.none().withMd5Hex(MD5.substring(1)));
    assertThrows(
        IllegalArgumentException.class, () -> PutOptions.none().withMd5Hex("g".repeat(32)));
    assertThrows(IllegalArgumentException.class, () -> PutOptions.none().withSha256Hex(MD5));
    assertThrows(
        IllegalArgumentException.class,
        () -> PutOptions.none().withSha256Hex("1B2M2Y8AsgTpgAmY7PhCfg=="));
  }

  @Test
  void customMetadataIsCheckedAndCopied() {
    Map<String, String> metadata = new HashMap<>(Map.of("owner", "ana"));
    PutOptions options = PutOptions.none().withCustomMetadata(metadata);
    metadata.put("owner", "bob");
    assertEquals(Map.of("owner", "ana"), options.customMetadata());
    assertThrows(
        BindingLimitException.class,
        () -> PutOptions.none().withCustomMetadata(Map.of("Owner", "ana")));
  }

  @Test
  void withersKeepTheOtherFields() {
    Conditions createOnly = Conditions.none().withEtagDoesNotMatch("*");
    HttpMetadata text = HttpMetadata.empty().withContentType("text/plain");
    PutOptions options =
        PutOptions.none().withOnlyIf(createOnly).withHttpMetadata(text).withMd5Hex(MD5);
    assertEquals(createOnly, options.onlyIf());
    assertEquals(text, options.httpMetadata());
    assertEquals(Map.of(), options.customMetadata());
    assertEquals(Optional.empty(), options.sha256Hex());
  }
}
