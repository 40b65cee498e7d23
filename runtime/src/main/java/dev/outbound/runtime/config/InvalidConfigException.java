package dev.outbound.runtime.config;

import java.util.List;

/** The server refuses to start: its message has one line per problem. */
public final class InvalidConfigException extends RuntimeException {

  private final List<String> problems;

  public InvalidConfigException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
