package dev.outbound.processor.validation;

import dev.outbound.processor.model.Annotations;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * The container names claimed so far in this compilation, across rounds: configuration and the
 * admin API select a container class by name, so two classes must not share one.
 */
final class ContainerNames {

  private final Map<String, String> owners = new HashMap<>();

  void claim(TypeElement type, AnnotationMirror container, ValidationReport report) {
    AnnotationValue value = Annotations.value(container, "name");
    String name = (String) value.getValue();
    if (name.isBlank()) {
      return;
    }
    String className = type.getQualifiedName().toString();
    String owner = owners.putIfAbsent(name, className);
    if (owner != null && !owner.equals(className)) {
      report.error(
          "container name \""
              + name
              + "\" is already used by "
              + owner
              + ": configuration and the admin API select container classes by name; give each"
              + " @OutboundContainer its own name",
          type,
          container,
          value);
    }
  }
}
