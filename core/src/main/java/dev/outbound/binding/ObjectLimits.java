package dev.outbound.binding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;

/**
 * Object bucket limits, checked in one place by the option records and by every bucket
 * implementation; where R2 and S3 differ, the stricter applies so every backend can hold any
 * object.
 */
public final class ObjectLimits {

  /** Longest key, in UTF-8 bytes. */
  public static final int MAX_KEY_BYTES = 1024;

  /** Largest custom metadata, in UTF-8 bytes of keys and values (S3's limit; R2 allows more). */
  public static final int MAX_CUSTOM_METADATA_BYTES = 2048;

  /** Largest single put or multipart part: 5 GiB less 5 MiB, as in R2. */
  public static final long MAX_UPLOAD_BYTES = 5L * 1024 * 1024 * 1024 - 5L * 1024 * 1024;

  /** Smallest multipart part other than the last. */
  public static final long MIN_PART_BYTES = 5L * 1024 * 1024;

  /** Highest part number, and so the most parts of one multipart upload. */
  public static final int MAX_PARTS = 10_000;

  /** Most keys one delete call removes. */
  public static final int MAX_DELETE_KEYS = 1000;

  /** Most objects one list call returns, and its default. */
  public static final int MAX_LIST_LIMIT = 1000;

  private static final String TOKEN_PUNCTUATION = "!#$%&'*+-.^_`|~";

  private ObjectLimits() {}

  /**
   * Checks that {@code key} is 1..1024 UTF-8 bytes; throws {@link BindingLimitException} otherwise.
   */
  public static void checkKey(String key) {
    long bytes = Utf8.length(key, "object key");
    if (bytes == 0 || bytes > MAX_KEY_BYTES) {
      throw new BindingLimitException(
          "object key is " + bytes + " bytes; it must be 1 to " + MAX_KEY_BYTES);
    }
  }

  /**
   * Checks custom metadata: keys are lowercase HTTP tokens (S3 lowercases them), values have no
   * control characters, and all of it is at most 2048 UTF-8 bytes.
   *
   * @throws BindingLimitException if the metadata breaks one of these rules
   */
  public static void checkCustomMetadata(Map<String, String> metadata) {
    long bytes = 0;
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      String key = entry.getKey();
      if (key.isEmpty() || !key.chars().allMatch(ObjectLimits::isLowercaseTokenChar)) {
        throw new BindingLimitException(
            "custom metadata key \"" + key + "\" must be a lowercase HTTP token");
      }
      if (entry.getValue().chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
        throw new BindingLimitException(
            "custom metadata value of \"" + key + "\" has a control character");
      }
      bytes +=
          key.length() + Utf8.length(entry.getValue(), "custom metadata value of \"" + key + "\"");
    }
    if (bytes > MAX_CUSTOM_METADATA_BYTES) {
      throw new BindingLimitException(
          "custom metadata is " + bytes + " bytes; the limit is " + MAX_CUSTOM_METADATA_BYTES);
    }
  }

  /**
   * Checks that a put or part of {@code bytes} (so far) fits in one upload; throws {@link
   * BindingLimitException} otherwise.
   */
  public static void checkUploadSize(long bytes) {
    if (bytes > MAX_UPLOAD_BYTES) {
      throw new BindingLimitException(
          "upload is " + bytes + " bytes; the limit is " + MAX_UPLOAD_BYTES);
    }
  }

  /** Checks that {@code partNumber} is 1..10000; throws {@link BindingLimitException} otherwise. */
  public static void checkPartNumber(int partNumber) {
    if (partNumber < 1 || partNumber > MAX_PARTS) {
      throw new BindingLimitException(
          "part number is " + partNumber + "; it must be 1 to " + MAX_PARTS);
    }
  }

  /**
   * Checks a multi-key delete: at most 1000 keys, each a valid key; throws {@link
   * BindingLimitException} otherwise.
   */
  public static void checkDelete(Collection<String> keys) {
    if (keys.size() > MAX_DELETE_KEYS) {
      throw new BindingLimitException(
          "delete of " + keys.size() + " keys; the limit is " + MAX_DELETE_KEYS);
    }
    keys.forEach(ObjectLimits::checkKey);
  }

  /**
   * Checks that a list {@code limit} is 1..1000; throws {@link BindingLimitException} otherwise.
   */
  public static void checkListLimit(int limit) {
    if (limit < 1 || limit > MAX_LIST_LIMIT) {
      throw new BindingLimitException(
          "object list limit is " + limit + "; it must be 1 to " + MAX_LIST_LIMIT);
    }
  }

  private static boolean isLowercaseTokenChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || TOKEN_PUNCTUATION.indexOf(c) >= 0;
  }

  /**
   * Checks the part list of a multipart completion against the parts a backend stored: at least one
   * part, ascending part numbers, each uploaded with the etag given, every part but the last at
   * least {@link #MIN_PART_BYTES}. Returns the stored parts in the list's order.
   *
   * @param stored the part of that number as the backend stored it, or {@code null} when it was
   *     never uploaded
   * @throws IllegalArgumentException naming the first part that fails
   */
  public static <P> List<P> checkCompletion(
      String uploadId,
      List<UploadedPart> parts,
      IntFunction<P> stored,
      ToLongFunction<P> size,
      Function<P, String> etag) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a multipart upload completes with at least one part");
    }
    List<P> found = new ArrayList<>(parts.size());
    int previous = 0;
    for (int i = 0; i < parts.size(); i++) {
      UploadedPart part = parts.get(i);
      if (part.partNumber() <= previous) {
        throw new IllegalArgumentException(
            "parts must be in ascending part number order, but part "
                + part.partNumber()
                + " follows part "
                + previous);
      }
      previous = part.partNumber();
      P storedPart = stored.apply(part.partNumber());
      if (storedPart == null) {
        throw new IllegalArgumentException(
            "part " + part.partNumber() + " was never uploaded to upload " + uploadId);
      }
      String storedEtag = etag.apply(storedPart);
      if (!storedEtag.equals(part.etag())) {
        throw new IllegalArgumentException(
            "part " + part.partNumber() + " has etag " + storedEtag + ", not " + part.etag());
      }
      boolean last = i == parts.size() - 1;
      if (!last && size.applyAsLong(storedPart) < MIN_PART_BYTES) {
        throw new IllegalArgumentException(
            "part "
                + part.partNumber()
                + " is "
                + size.applyAsLong(storedPart)
                + " bytes; every part but the last must be at least "
                + MIN_PART_BYTES);
      }
      found.add(storedPart);
    }
    return found;
  }
}
