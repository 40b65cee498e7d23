package dev.outbound.binding;

import java.util.Objects;

/**
 * A part of a multipart upload as stored: its number (1..10000) and unquoted etag, passed back to
 * complete the upload.
 */
public record UploadedPart(int partNumber, String etag) {

  /**
   * Validates the part.
   *
   * @throws BindingLimitException if the part number is not 1..10000
   */
  public UploadedPart {
    ObjectLimits.checkPartNumber(partNumber);
    Objects.requireNonNull(etag, "etag");
  }
}
