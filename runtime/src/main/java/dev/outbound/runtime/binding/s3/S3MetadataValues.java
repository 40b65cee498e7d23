package dev.outbound.runtime.binding.s3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Custom metadata values as S3 carries them, in {@code x-amz-meta-*} headers, which hold only
 * printable ASCII and lose surrounding spaces. Any other value travels as RFC 2047 encoded words
 * ({@code =?UTF-8?B?...?=}), which AWS S3 decodes to store, and encodes itself when it answers
 * non-ASCII metadata; services that store the words as they are answer them back unchanged. Either
 * way reads decode them.
 */
final class S3MetadataValues {

  /** Bytes of text per encoded word, so that each stays within RFC 2047's 75 characters. */
  private static final int WORD_BYTES = 45;
  private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");

  private S3MetadataValues() {}

  /** Returns {@code value} as header text: as it is if that is safe, or else as encoded words. */
  static String encode(String value) {
    if (isPlainHeaderText(value)) {
      return value;
    }
    List<String> words = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
      String character = value.substring(i, i + Character.charCount(value.codePointAt(i)));
      int characterBytes = character.getBytes(StandardCharsets.UTF_8).length;
      if (bytes + characterBytes > WORD_BYTES) {
        words.add(encodedWord(text.toString()));
        text.setLength(0);
        bytes = 0;
      }
      text.append(character);
      bytes += characterBytes;
    }
    words.add(encodedWord(text.toString()));
    return String.join(" ", words);
  }

  /** Returns the value that header text {@code text} carries: decoded if it is encoded words, else as it is. */
  static String decode(String text) {
    String[] tokens = text.strip().split("\\s+");
    StringBuilder value = new StringBuilder();
    for (String token : tokens) {
      Optional<String> decoded = decodeWord(token);
      if (decoded.isEmpty()) {
        return text;
      }
      value.append(decoded.get());
    }
    return value.toString();
  }

  /**
   * Whether {@code value} survives a header unchanged: printable ASCII without leading or trailing
   * spaces, and not starting like an encoded word, which reads would decode.
   */
  private static boolean isPlainHeaderText(String value) {
    return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
        && value.strip().length() == value.length()
        && !value.startsWith("=?");
  }

  private static String encodedWord(String text) {
    return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
  }

  private static Optional<String> decodeWord(String token) {
    Matcher word = ENCODED_WORD.matcher(token);
    if (!word.matches()) {
      return Optional.empty();
    }
    try {
      Charset charset = Charset.forName(word.group(1));
      byte[] bytes = word.group(2).toUpperCase(Locale.ROOT).equals("B")
          ? Base64.getDecoder().decode(word.group(3))
          : decodeQ(word.group(3));
      return Optional.of(new String(bytes, charset));
    } catch (IllegalArgumentException unknownCharsetOrMalformed) {
      return Optional.empty();
    }
  }

  /** Decodes RFC 2047's "Q" encoding: {@code _} is a space and {@code =XX} a byte in hex. */
  private static byte[] decodeQ(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '_') {
        bytes.write(' ');
      } else if (c == '=' && i + 2 < text.length()) {
        bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return bytes.toByteArray();
  }
}
