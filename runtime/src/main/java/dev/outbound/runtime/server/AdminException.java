package dev.outbound.runtime.server;

/** An admin operation was refused; the HTTP API answers with the kind's status. */
public final class AdminException extends RuntimeException {

  /** Why, with the HTTP status it maps to. */
  public enum Kind {
    INVALID(400),
    NOT_FOUND(404),
    CONFLICT(409);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Kind kind;

  public AdminException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
