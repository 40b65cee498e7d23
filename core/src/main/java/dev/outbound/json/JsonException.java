package dev.outbound.json;

/** Malformed JSON, or JSON of the wrong shape; the message says where. */
public final class JsonException extends IllegalArgumentException {

  public JsonException(String message) {
    super(message);
  }
}
