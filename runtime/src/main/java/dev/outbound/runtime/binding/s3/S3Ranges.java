package dev.outbound.runtime.binding.s3;

import dev.outbound.binding.ByteRange;
import dev.outbound.binding.ResolvedRange;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte ranges as S3 takes them in {@code Range} and answers them in {@code Content-Range}. */
final class S3Ranges {

  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

  private S3Ranges() {}

  /** The range a ranged read served, and the size of the whole object. */
  record ServedRange(ResolvedRange range, long objectSize) {}

  /** Returns the {@code Range} header for {@code range}, or empty for a range of no bytes, which HTTP cannot ask. */
  static Optional<String> header(ByteRange range) {
    return switch (range) {
      case ByteRange.Offset offset -> offsetHeader(offset);
      case ByteRange.Suffix(long length) -> length == 0 ? Optional.empty() : Optional.of("bytes=-" + length);
    };
  }

  private static Optional<String> offsetHeader(ByteRange.Offset range) {
    long offset = range.offset();
    if (range.length().isEmpty()) {
      return Optional.of("bytes=" + offset + "-");
    }
    long length = range.length().get();
    if (length == 0) {
      return Optional.empty();
    }
    // A length that runs past any possible end asks for the rest of the object, as an open range does.
    String last = length > Long.MAX_VALUE - offset ? "" : Long.toString(offset + length - 1);
    return Optional.of("bytes=" + offset + "-" + last);
  }

  /** Parses a {@code Content-Range} header such as {@code bytes 0-99/1000}; empty if absent or of another form. */
  static Optional<ServedRange> parseContentRange(String header) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher matcher = CONTENT_RANGE.matcher(header.strip());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    long first = Long.parseLong(matcher.group(1));
    long last = Long.parseLong(matcher.group(2));
    return Optional.of(new ServedRange(new ResolvedRange(first, last - first + 1), Long.parseLong(matcher.group(3))));
  }
}
