package dev.outbound.host;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Maps host patterns to values: the one pattern matcher behind routing tables and allow/deny lists.
 * Immutable once built.
 *
 * <p>The most specific matching pattern wins, in this order ({@link HostPattern#compareTo}):
 *
 * <ol>
 *   <li>exact name or IP with a port;
 *   <li>exact name or IP without a port;
 *   <li>CIDR, longer prefix first; at equal prefix, with a port before without;
 *   <li>glob, more literal (non-{@code *}) characters first; at equal count, with a port before
 *       without.
 * </ol>
 *
 * Remaining ties go by canonical text, so the order is total and deterministic.
 *
 * <p>Exact patterns sit in a hash table keyed by canonical host ({@link ExactHostTable}), so lookup
 * costs the same for ten exact hosts or ten thousand; names and IP literals cannot share a key
 * because a name never has a numeric last label or brackets. CIDR and glob patterns are then tried
 * in order.
 */
public final class HostMatcher<V> {

  private final ExactHostTable<V> exactHosts;
  private final List<Scanned<V>> scanned;
  private final List<HostPattern> patterns;

  private HostMatcher(
      ExactHostTable<V> exactHosts, List<Scanned<V>> scanned, List<HostPattern> patterns) {
    this.exactHosts = exactHosts;
    this.scanned = scanned;
    this.patterns = patterns;
  }

  public static <V> Builder<V> builder() {
    return new Builder<>();
  }

  /** A matcher for allow and deny lists: every pattern maps to {@code TRUE}. */
  public static HostMatcher<Boolean> of(Collection<String> patterns) {
    Builder<Boolean> builder = builder();
    for (String pattern : patterns) {
      builder.add(pattern, Boolean.TRUE);
    }
    return builder.build();
  }

  /** The value of the most specific pattern that matches, or null. */
  public V match(Authority authority) {
    V exact = exactHosts.get(authority.host(), authority.port());
    if (exact != null) {
      return exact;
    }
    for (int i = 0; i < scanned.size(); i++) {
      Scanned<V> candidate = scanned.get(i);
      if (candidate.pattern().matches(authority)) {
        return candidate.value();
      }
    }
    return null;
  }

  public boolean matches(Authority authority) {
    return match(authority) != null;
  }

  public boolean isEmpty() {
    return patterns.isEmpty();
  }

  /** Every pattern, most specific first. */
  public List<HostPattern> patterns() {
    return patterns;
  }

  /** Collects patterns; duplicates (equal canonical text) are an error. */
  public static final class Builder<V> {

    private final TreeMap<HostPattern, V> entries = new TreeMap<>();

    private Builder() {}

    /**
     * @throws IllegalArgumentException "duplicate host pattern: X" for a pattern already added
     */
    public Builder<V> add(HostPattern pattern, V value) {
      Objects.requireNonNull(pattern, "pattern");
      Objects.requireNonNull(value, "value"); // null means "no match"
      if (entries.putIfAbsent(pattern, value) != null) {
        throw new IllegalArgumentException("duplicate host pattern: " + pattern.text());
      }
      return this;
    }

    /** Parses and adds; see {@link HostPattern#parse}. */
    public Builder<V> add(String pattern, V value) {
      return add(HostPattern.parse(pattern), value);
    }

    public HostMatcher<V> build() {
      Map<String, Map<Integer, V>> exactHosts = new HashMap<>();
      List<Scanned<V>> scanned = new ArrayList<>();
      entries.forEach(
          (pattern, value) -> {
            if (pattern.isExact()) {
              exactHosts
                  .computeIfAbsent(pattern.host(), host -> new HashMap<>())
                  .put(pattern.port(), value);
            } else {
              scanned.add(new Scanned<>(pattern, value));
            }
          });
      return new HostMatcher<>(
          ExactHostTable.of(exactHosts), List.copyOf(scanned), List.copyOf(entries.keySet()));
    }
  }

  /** A CIDR or glob pattern with its value, tried in order. */
  private record Scanned<V>(HostPattern pattern, V value) {}
}
