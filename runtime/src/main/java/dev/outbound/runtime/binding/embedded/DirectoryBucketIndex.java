package dev.outbound.runtime.binding.embedded;

import dev.outbound.binding.HttpMetadata;
import dev.outbound.binding.ListOptions;
import dev.outbound.binding.ObjectInfo;
import dev.outbound.binding.ObjectList;
import dev.outbound.binding.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The keys of a directory bucket in UTF-8 byte order, kept in memory and rebuilt from the object
 * files at open, so a list never scans the disk. Each object costs about 200 bytes plus its key
 * (240 bytes measured with a 10-character key): a skip list node, the key, and an {@link
 * ObjectInfo} without metadata, which holds an etag string and an {@link java.time.Instant}.
 */
final class DirectoryBucketIndex {

  private static final HttpMetadata NO_HTTP_METADATA = HttpMetadata.empty();

  private final ConcurrentSkipListMap<String, ObjectInfo> objects =
      new ConcurrentSkipListMap<>(Utf8.BYTE_ORDER);

  /** Records {@code info}, dropping its metadata, which lists do not return. */
  void put(ObjectInfo info) {
    objects.put(
        info.key(),
        new ObjectInfo(
            info.key(),
            info.size(),
            info.etag(),
            info.uploaded(),
            NO_HTTP_METADATA,
            Map.of(),
            Optional.empty()));
  }

  void remove(String key) {
    objects.remove(key);
  }

  /** Returns the object under {@code key} without its metadata, enough to test conditions. */
  Optional<ObjectInfo> get(String key) {
    return Optional.ofNullable(objects.get(key));
  }

  /**
   * Lists one page. The cursor is the last key or delimited prefix returned, so the next page
   * starts after it; keys under a delimited prefix are skipped in one jump.
   *
   * @throws IllegalArgumentException if the cursor was not made by this index, or the prefix or
   *     delimiter is not valid UTF-8
   */
  ObjectList list(ListOptions options) {
    String prefix = options.prefix().orElse("");
    // No key has an unpaired surrogate, and upperBound could not place one in UTF-8 order.
    Utf8.length(prefix, "list prefix");
    options.delimiter().ifPresent(delimiter -> Utf8.length(delimiter, "list delimiter"));
    Optional<String> cursor = options.cursor().map(DirectoryBucketIndex::decodeCursor);
    List<ObjectInfo> listed = new ArrayList<>();
    List<String> delimitedPrefixes = new ArrayList<>();
    String last = cursor.orElse(null);
    Map.Entry<String, ObjectInfo> entry =
        cursor
            .filter(after -> Utf8.BYTE_ORDER.compare(after, prefix) >= 0)
            .map(objects::higherEntry)
            .orElseGet(() -> objects.ceilingEntry(prefix));
    while (entry != null && entry.getKey().startsWith(prefix)) {
      String key = entry.getKey();
      Optional<String> group =
          options.delimiter().flatMap(delimiter -> rolledUp(key, prefix, delimiter));
      String item = group.orElse(key);
      if (!item.equals(last)) {
        if (listed.size() + delimitedPrefixes.size() == options.limit()) {
          return new ObjectList(listed, delimitedPrefixes, true, Optional.of(encodeCursor(last)));
        }
        if (group.isPresent()) {
          delimitedPrefixes.add(item);
        } else {
          listed.add(entry.getValue());
        }
        last = item;
      }
      entry =
          group.isPresent()
              ? upperBound(group.get()).map(objects::ceilingEntry).orElse(null)
              : objects.higherEntry(key);
    }
    return new ObjectList(listed, delimitedPrefixes, false, Optional.empty());
  }

  /**
   * Returns {@code key} up to and including the first {@code delimiter} after {@code prefix}, if
   * any.
   */
  private static Optional<String> rolledUp(String key, String prefix, String delimiter) {
    int at = key.indexOf(delimiter, prefix.length());
    return at < 0 ? Optional.empty() : Optional.of(key.substring(0, at + delimiter.length()));
  }

  /**
   * Returns the least string above every string that starts with {@code prefix}, if there is one.
   */
  private static Optional<String> upperBound(String prefix) {
    int end = prefix.length();
    while (end > 0) {
      int codePoint = prefix.codePointBefore(end);
      end -= Character.charCount(codePoint);
      if (codePoint < Character.MAX_CODE_POINT) {
        return Optional.of(prefix.substring(0, end) + Character.toString(codePoint + 1));
      }
    }
    return Optional.empty();
  }

  private static String encodeCursor(String last) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(last.getBytes(StandardCharsets.UTF_8));
  }

  private static String decodeCursor(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      throw new IllegalArgumentException(
          "list cursor \"" + cursor + "\" was not returned by this bucket", notBase64);
    }
  }
}
