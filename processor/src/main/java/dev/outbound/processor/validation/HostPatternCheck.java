package dev.outbound.processor.validation;

import dev.outbound.host.HostPattern;
import dev.outbound.host.InvalidHostPatternException;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Parses host patterns with the same parser the runtime uses, so a pattern that compiles also
 * loads.
 */
final class HostPatternCheck {

  private HostPatternCheck() {}

  /** Reports the pattern in {@code value} if it does not parse. */
  static void check(
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      ValidationReport report) {
    String pattern = (String) value.getValue();
    try {
      HostPattern.parse(pattern);
    } catch (InvalidHostPatternException e) {
      // The parser's message names the pattern, the problem and the forms to write instead.
      report.error(e.getMessage(), element, annotation, value);
    }
  }
}
