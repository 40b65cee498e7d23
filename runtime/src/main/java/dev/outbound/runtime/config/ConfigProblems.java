package dev.outbound.runtime.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem found while reading the configuration and checking it against the
 * container classes, so that one start reports all of them instead of the first.
 */
public final class ConfigProblems {

  private final List<String> lines = new ArrayList<>();

  public void add(String line) {
    lines.add(line);
  }

  public boolean isEmpty() {
    return lines.isEmpty();
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }

  /** Refuses to go on when anything was found. */
  public void throwIfAny() {
    if (!lines.isEmpty()) {
      throw new InvalidConfigException(lines);
    }
  }
}
