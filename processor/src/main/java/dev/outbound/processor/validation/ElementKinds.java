package dev.outbound.processor.validation;

import java.util.Locale;
import javax.lang.model.element.ElementKind;

/** Kinds of type as an error message names them. */
final class ElementKinds {

  private ElementKinds() {}

  static String describe(ElementKind kind) {
    return switch (kind) {
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case RECORD -> "a record";
      case ANNOTATION_TYPE -> "an annotation type";
      default -> kind.toString().toLowerCase(Locale.ROOT);
    };
  }
}
