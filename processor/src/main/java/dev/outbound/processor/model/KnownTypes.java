package dev.outbound.processor.model;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Compares types of the compilation with the classes the processor knows by name. */
public final class KnownTypes {

  private final Elements elements;
  private final Types types;

  public KnownTypes(ProcessingEnvironment environment) {
    this.elements = environment.getElementUtils();
    this.types = environment.getTypeUtils();
  }

  /** Whether {@code type} is {@code known}, ignoring type arguments. */
  public boolean is(TypeMirror type, Class<?> known) {
    TypeElement element = elements.getTypeElement(known.getCanonicalName());
    // Absent when the class is not on the compilation's class path: then nothing can be of that
    // type.
    return element != null
        && types.isSameType(types.erasure(type), types.erasure(element.asType()));
  }

  /** Whether {@code type} is a subtype of {@code known}, ignoring type arguments. */
  public boolean isSubtype(TypeMirror type, Class<?> known) {
    TypeElement element = elements.getTypeElement(known.getCanonicalName());
    return element != null && types.isSubtype(types.erasure(type), types.erasure(element.asType()));
  }

  public Elements elements() {
    return elements;
  }

  public Types types() {
    return types;
  }
}
