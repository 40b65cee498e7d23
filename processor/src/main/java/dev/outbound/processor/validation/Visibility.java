package dev.outbound.processor.validation;

import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/** Whether generated code in the same package can name a type. */
final class Visibility {

  private Visibility() {}

  /** The type itself or the enclosing type that is private, if any. */
  static Optional<TypeElement> privateTypeAround(TypeElement type) {
    for (Element current = type;
        current instanceof TypeElement enclosing;
        current = current.getEnclosingElement()) {
      if (enclosing.getModifiers().contains(Modifier.PRIVATE)) {
        return Optional.of(enclosing);
      }
    }
    return Optional.empty();
  }
}
