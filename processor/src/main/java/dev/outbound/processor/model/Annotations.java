package dev.outbound.processor.model;

import dev.outbound.OutboundHost;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Reads annotations as mirrors, never as instances: mirrors work for classes that are still being
 * compiled and carry the source positions error messages point at.
 */
public final class Annotations {

  private Annotations() {}

  public static Optional<AnnotationMirror> find(Element element, Class<? extends Annotation> type) {
    String name = type.getCanonicalName();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement annotationType = (TypeElement) mirror.getAnnotationType().asElement();
      if (annotationType.getQualifiedName().contentEquals(name)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  public static boolean has(Element element, Class<? extends Annotation> type) {
    return find(element, type).isPresent();
  }

  /** The value of an annotation member, falling back to its declared default. */
  public static AnnotationValue value(AnnotationMirror mirror, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> written :
        mirror.getElementValues().entrySet()) {
      if (written.getKey().getSimpleName().contentEquals(member)) {
        return written.getValue();
      }
    }
    for (Element declared : mirror.getAnnotationType().asElement().getEnclosedElements()) {
      if (declared.getSimpleName().contentEquals(member)
          && declared instanceof ExecutableElement method) {
        return method.getDefaultValue();
      }
    }
    throw new IllegalArgumentException(
        "@" + mirror.getAnnotationType() + " has no member " + member);
  }

  public static String stringValue(AnnotationMirror mirror, String member) {
    return (String) value(mirror, member).getValue();
  }

  public static boolean booleanValue(AnnotationMirror mirror, String member) {
    return (Boolean) value(mirror, member).getValue();
  }

  /** The elements of an array member, each with its own source position. */
  public static List<AnnotationValue> arrayValue(AnnotationMirror mirror, String member) {
    @SuppressWarnings("unchecked")
    List<AnnotationValue> values = (List<AnnotationValue>) value(mirror, member).getValue();
    return values;
  }

  /**
   * Every {@code @OutboundHost} of a method, whether written once or repeated (and so wrapped in
   * its container).
   */
  public static List<AnnotationMirror> hosts(Element method) {
    List<AnnotationMirror> hosts = new ArrayList<>();
    find(method, OutboundHost.class).ifPresent(hosts::add);
    find(method, OutboundHost.List.class)
        .ifPresent(
            container -> {
              for (AnnotationValue host : arrayValue(container, "value")) {
                hosts.add((AnnotationMirror) host.getValue());
              }
            });
    return hosts;
  }
}
