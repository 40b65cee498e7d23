package dev.outbound.processor.validation;

import dev.outbound.Outbound;
import dev.outbound.OutboundHandler;
import dev.outbound.host.HostPattern;
import dev.outbound.host.InvalidHostPatternException;
import dev.outbound.processor.model.Annotations;
import dev.outbound.processor.model.HandlerMethods;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Checks that every route of a class has one method: host patterns (compared in canonical form, so
 * {@code MY.KV.} and {@code my.kv} collide), the catch-all and handler names. The later declaration
 * is the one reported.
 */
final class RouteConflictValidator {

  void validate(TypeElement type, ValidationReport report) {
    Map<String, ExecutableElement> hostOwners = new HashMap<>();
    Map<String, ExecutableElement> nameOwners = new HashMap<>();
    ExecutableElement catchAll = null;
    for (ExecutableElement method : HandlerMethods.in(type)) {
      for (AnnotationMirror host : Annotations.hosts(method)) {
        AnnotationValue value = Annotations.value(host, "value");
        Optional<String> canonical = canonical((String) value.getValue());
        ExecutableElement owner =
            canonical.map(pattern -> hostOwners.putIfAbsent(pattern, method)).orElse(null);
        if (owner != null) {
          report.error(
              "host pattern \""
                  + value.getValue()
                  + "\" is already routed to "
                  + owner.getSimpleName()
                  + "() (both are "
                  + canonical.get()
                  + "): route each host pattern to one @OutboundHost"
                  + " method",
              method,
              host,
              value);
        }
      }
      Optional<AnnotationMirror> outbound = Annotations.find(method, Outbound.class);
      if (outbound.isPresent() && catchAll != null) {
        report.error(
            "only one @Outbound catch-all is allowed per class and "
                + catchAll.getSimpleName()
                + "() already is one: remove @Outbound here, or route specific hosts with"
                + " @OutboundHost",
            method,
            outbound.get());
      } else if (outbound.isPresent()) {
        catchAll = method;
      }
      Optional<AnnotationMirror> named = Annotations.find(method, OutboundHandler.class);
      if (named.isPresent()) {
        AnnotationValue value = Annotations.value(named.get(), "value");
        String name = (String) value.getValue();
        // An empty name is already an error of its own.
        ExecutableElement owner = name.isBlank() ? null : nameOwners.putIfAbsent(name, method);
        if (owner != null) {
          report.error(
              "named handler \""
                  + name
                  + "\" is already declared by "
                  + owner.getSimpleName()
                  + "(): give each @OutboundHandler of a class its own name",
              method,
              named.get(),
              value);
        }
      }
    }
  }

  /** Invalid patterns are {@link HostPatternCheck}'s to report; they conflict with nothing. */
  private static Optional<String> canonical(String pattern) {
    try {
      return Optional.of(HostPattern.parse(pattern).text());
    } catch (InvalidHostPatternException e) {
      return Optional.empty();
    }
  }
}
