package dev.outbound.runtime.binding.kv;

import java.util.Base64;

/**
 * The cursor of a KV list: the last key of the page, as URL-safe base64 of its UTF-8 bytes. The
 * next page starts after that key, so keys written or deleted between pages do not shift it.
 */
public final class KvListCursor {

  private KvListCursor() {}

  /** Returns the cursor of a page that ended with the key whose UTF-8 bytes are {@code lastKey}. */
  public static String after(byte[] lastKey) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey);
  }

  /**
   * Returns the UTF-8 bytes of the key that {@code cursor} continues after.
   *
   * @throws IllegalArgumentException if {@code cursor} is not URL-safe base64
   */
  public static byte[] lastKey(String cursor) {
    try {
      return Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "KV list cursor is malformed; pass back a cursor that a list returned", e);
    }
  }
}
