package dev.outbound.binding;

import java.util.Comparator;

/** UTF-8 length and order of keys, shared by every binding so that all backends agree. */
public final class Utf8 {

  /** Orders strings as their UTF-8 encodings compare byte by byte, which is code point order. */
  public static final Comparator<String> BYTE_ORDER = Utf8::compareCodePoints;

  private Utf8() {}

  /**
   * Returns the number of bytes in the UTF-8 encoding of {@code text}.
   *
   * @throws IllegalArgumentException if {@code text} has an unpaired surrogate, which UTF-8 cannot
   *     encode; the message starts with {@code what}
   */
  public static long length(String text, String what) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (!Character.isSurrogate(c)) {
        bytes += 3;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        throw new IllegalArgumentException(
            what + " has an unpaired surrogate at index " + i + ", which UTF-8 cannot encode");
      }
    }
    return bytes;
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int codePointA = a.codePointAt(i);
      int codePointB = b.codePointAt(j);
      if (codePointA != codePointB) {
        return Integer.compare(codePointA, codePointB);
      }
      i += Character.charCount(codePointA);
      j += Character.charCount(codePointB);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
