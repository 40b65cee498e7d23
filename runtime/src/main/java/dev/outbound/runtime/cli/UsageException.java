package dev.outbound.runtime.cli;

/** The command line is wrong: {@link Main} prints the message and the usage, and exits with 2. */
final class UsageException extends RuntimeException {

  UsageException(String message) {
    super(message);
  }
}
