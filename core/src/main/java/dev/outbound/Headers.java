package dev.outbound;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Immutable, ordered, multi-valued HTTP headers with case-insensitive names.
 *
 * <p>Stored as parallel arrays and searched linearly: requests carry a handful of headers, and this
 * keeps a copy cheap on the proxy's hot path.
 */
public final class Headers {

  private static final boolean[] TOKEN_CHARS = tokenChars();
  private static final String[] NO_STRINGS = new String[0];
  private static final Headers EMPTY = new Headers(NO_STRINGS, NO_STRINGS, 0);

  private final String[] names;
  private final String[] values;
  private final int size;

  private Headers(String[] names, String[] values, int size) {
    this.names = names;
    this.values = values;
    this.size = size;
  }

  public static Headers empty() {
    return EMPTY;
  }

  /** Headers from alternating name and value arguments. */
  public static Headers of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("headers need a value for every name");
    }
    Builder builder = builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      builder.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return builder.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The first value of the header, or {@code null}. */
  public String first(String name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        return values[i];
      }
    }
    return null;
  }

  /** Every value of the header, in order. */
  public List<String> all(String name) {
    // Most headers appear once or not at all: a list is made only for a repeated one.
    String only = null;
    List<String> several = null;
    for (int i = 0; i < size; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        if (only == null) {
          only = values[i];
        } else {
          if (several == null) {
            several = new ArrayList<>(4);
            several.add(only);
          }
          several.add(values[i]);
        }
      }
    }
    if (several != null) {
      return Collections.unmodifiableList(several);
    }
    return only == null ? List.of() : List.of(only);
  }

  public boolean contains(String name) {
    return first(name) != null;
  }

  /** Distinct names as first written. */
  public Set<String> names() {
    Set<String> seen = new LinkedHashSet<>();
    outer:
    for (int i = 0; i < size; i++) {
      for (String name : seen) {
        if (name.equalsIgnoreCase(names[i])) {
          continue outer;
        }
      }
      seen.add(names[i]);
    }
    return Collections.unmodifiableSet(seen);
  }

  /** Visits every name and value pair in order. */
  public void forEach(BiConsumer<String, String> action) {
    for (int i = 0; i < size; i++) {
      action.accept(names[i], values[i]);
    }
  }

  /** The name of the header at {@code index} in order, as written. */
  public String name(int index) {
    return names[Objects.checkIndex(index, size)];
  }

  /** The value of the header at {@code index} in order. */
  public String value(int index) {
    return values[Objects.checkIndex(index, size)];
  }

  /** How many name and value pairs there are, repeated names counted each time. */
  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.names = Arrays.copyOf(names, Math.max(size + 4, 8));
    builder.values = Arrays.copyOf(values, Math.max(size + 4, 8));
    builder.size = size;
    return builder;
  }

  /** A copy with the header replaced by one value. */
  public Headers with(String name, String value) {
    return toBuilder().set(name, value).build();
  }

  /** A copy without the header. */
  public Headers without(String name) {
    return toBuilder().remove(name).build();
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Headers that) || that.size != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (!names[i].equalsIgnoreCase(that.names[i]) || !values[i].equals(that.values[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = size;
    for (int i = 0; i < size; i++) {
      hash = 31 * hash + names[i].toLowerCase(java.util.Locale.ROOT).hashCode();
      hash = 31 * hash + values[i].hashCode();
    }
    return hash;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < size; i++) {
      text.append(i == 0 ? "" : ", ").append(names[i]).append(": ").append(values[i]);
    }
    return text.append('}').toString();
  }

  /**
   * Whether {@code text} is a non-empty token (RFC 9110 §5.6.2), what header names and methods are
   * made of.
   */
  public static boolean isToken(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 128 || !TOKEN_CHARS[c]) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code text} may be a header value: no control character but horizontal tab. */
  public static boolean isFieldValue(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < ' ' && c != '\t') || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static boolean[] tokenChars() {
    boolean[] token = new boolean[128];
    for (char c = '0'; c <= '9'; c++) {
      token[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      token[c] = true;
      token[Character.toUpperCase(c)] = true;
    }
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
      token[c] = true;
    }
    return token;
  }

  /**
   * Collects headers. Names must be tokens and values free of control characters (see {@link
   * Headers#isToken} and {@link Headers#isFieldValue}), so that nothing can smuggle a line break or
   * a second header; {@link #add} throws {@link IllegalArgumentException} otherwise.
   */
  public static final class Builder {

    // Made at the first header: many builders are given whole Headers to start from, or none.
    private String[] names = NO_STRINGS;
    private String[] values = NO_STRINGS;
    private int size;
    // Whether a Headers shares the arrays: build() hands them over rather than copying them, and
    // addAll() into an empty builder takes a Headers' own; the builder copies them before its next
    // change.
    private boolean shared;

    private Builder() {}

    public Builder add(String name, String value) {
      checkToken(name);
      checkValue(name, value);
      append(name, value);
      return this;
    }

    /** Replaces every value of the header with one value. */
    public Builder set(String name, String value) {
      return remove(name).add(name, value);
    }

    public Builder remove(String name) {
      if (shared) {
        names = names.clone();
        values = values.clone();
        shared = false;
      }
      int kept = 0;
      for (int i = 0; i < size; i++) {
        if (!names[i].equalsIgnoreCase(name)) {
          names[kept] = names[i];
          values[kept] = values[i];
          kept++;
        }
      }
      Arrays.fill(names, kept, size, null);
      Arrays.fill(values, kept, size, null);
      size = kept;
      return this;
    }

    public Builder addAll(Headers headers) {
      if (size == 0) {
        names = headers.names;
        values = headers.values;
        size = headers.size;
        shared = true;
        return this;
      }
      // every Headers was checked when it was built
      for (int i = 0; i < headers.size; i++) {
        append(headers.names[i], headers.values[i]);
      }
      return this;
    }

    private void append(String name, String value) {
      if (shared || size == names.length) {
        int capacity = Math.max(8, size == names.length ? size * 2 : names.length);
        names = Arrays.copyOf(names, capacity);
        values = Arrays.copyOf(values, capacity);
        shared = false;
      }
      names[size] = name;
      values[size] = value;
      size++;
    }

    public Headers build() {
      if (size == 0) {
        return EMPTY;
      }
      shared = true;
      return new Headers(names, values, size);
    }

    private static void checkToken(String name) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("header name is empty");
      }
      if (!isToken(name)) {
        throw new IllegalArgumentException("invalid character in header name: " + name);
      }
    }

    private static void checkValue(String name, String value) {
      if (value == null) {
        throw new IllegalArgumentException("header " + name + " has no value");
      }
      if (!isFieldValue(value)) {
        throw new IllegalArgumentException("control character in the value of header " + name);
      }
    }
  }
}
