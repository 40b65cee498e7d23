package dev.outbound.processor.validation;

import dev.outbound.Outbound;
import dev.outbound.OutboundHandler;
import dev.outbound.OutboundResponse;
import dev.outbound.processor.model.Annotations;
import dev.outbound.processor.model.HandlerArgument;
import dev.outbound.processor.model.KnownTypes;
import dev.outbound.processor.model.ParamsFieldType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Checks one handler method on its own: which annotations it combines, that the generated routes
 * can call it, its return type, its parameters, its host patterns and its handler name. Conflicts
 * between methods are {@link RouteConflictValidator}'s job.
 */
final class HandlerMethodValidator {

  private static final String HOST_PARAMETERS =
      "OutboundRequest and OutboundContext, each at most once";
  private static final String NAMED_PARAMETERS =
      HOST_PARAMETERS
          + ", and one params parameter: dev.outbound.Params or a record of "
          + ParamsFieldType.ACCEPTED;

  private final KnownTypes known;

  HandlerMethodValidator(KnownTypes known) {
    this.known = known;
  }

  void validate(ExecutableElement method, ValidationReport report) {
    String name = method.getSimpleName().toString();
    Optional<AnnotationMirror> named = Annotations.find(method, OutboundHandler.class);
    Optional<AnnotationMirror> catchAll = Annotations.find(method, Outbound.class);
    List<AnnotationMirror> hosts = Annotations.hosts(method);
    if (named.isPresent() && catchAll.isPresent()) {
      report.error(
          "method "
              + name
              + " cannot be both @OutboundHandler and @Outbound: a named handler serves"
              + " only when the admin API selects it; declare the catch-all in a separate method",
          method,
          named.get());
    }
    if (named.isPresent() && !hosts.isEmpty()) {
      report.error(
          "method "
              + name
              + " cannot be both @OutboundHandler and @OutboundHost: a named handler serves only"
              + " when the admin API selects it (for a host, too); declare the @OutboundHost route"
              + " in a separate method",
          method,
          named.get());
    }
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      report.error(
          "handler method "
              + name
              + " must not be private: the generated routes in the same package"
              + " call it; make it package-private",
          method);
    }
    if (method.getModifiers().contains(Modifier.STATIC)) {
      report.error(
          "handler method "
              + name
              + " must not be static: handlers run on the container's one"
              + " instance, which holds its bindings; remove 'static'",
          method);
    }
    if (!known.is(method.getReturnType(), OutboundResponse.class)) {
      report.error(
          "handler method " + name + " must return OutboundResponse, not " + method.getReturnType(),
          method);
    }
    validateParameters(method, named.isPresent(), report);
    for (AnnotationMirror host : hosts) {
      HostPatternCheck.check(method, host, Annotations.value(host, "value"), report);
    }
    named.ifPresent(
        handler -> {
          AnnotationValue value = Annotations.value(handler, "value");
          if (((String) value.getValue()).isBlank()) {
            report.error(
                "@OutboundHandler name must not be empty: write the name the admin API selects it"
                    + " by, e.g. @OutboundHandler(\"github\")",
                method,
                handler,
                value);
          }
        });
  }

  private void validateParameters(
      ExecutableElement method, boolean named, ValidationReport report) {
    Map<HandlerArgument, VariableElement> taken = new EnumMap<>(HandlerArgument.class);
    for (VariableElement parameter : method.getParameters()) {
      TypeMirror type = parameter.asType();
      Optional<HandlerArgument> argument = HandlerArgument.of(type, known);
      if (argument.isEmpty()) {
        report.error(
            "handler method "
                + method.getSimpleName()
                + " cannot take parameter "
                + parameter.getSimpleName()
                + " of type "
                + type
                + ": handler parameters are "
                + (named ? NAMED_PARAMETERS : HOST_PARAMETERS),
            parameter);
      } else if (argument.get() == HandlerArgument.PARAMS && !named) {
        report.error(
            "only @OutboundHandler methods take params: remove parameter "
                + parameter.getSimpleName()
                + ", or make "
                + method.getSimpleName()
                + " a named handler; @OutboundHost and @Outbound"
                + " methods take "
                + HOST_PARAMETERS,
            parameter);
      } else if (taken.containsKey(argument.get())) {
        report.error(
            "handler method "
                + method.getSimpleName()
                + " already takes "
                + describe(argument.get())
                + " as parameter "
                + taken.get(argument.get()).getSimpleName()
                + ": remove parameter "
                + parameter.getSimpleName(),
            parameter);
      } else {
        taken.put(argument.get(), parameter);
        if (HandlerArgument.isRecord(type)) {
          validateParamsRecord(parameter, (TypeElement) ((DeclaredType) type).asElement(), report);
        }
      }
    }
  }

  private void validateParamsRecord(
      VariableElement parameter, TypeElement record, ValidationReport report) {
    String recordName = record.getSimpleName().toString();
    if (Visibility.privateTypeAround(record).isPresent()) {
      report.error(
          "params record "
              + recordName
              + " must not be private or nested in a private class: the"
              + " generated routes decode params into it",
          parameter);
    }
    for (RecordComponentElement component : record.getRecordComponents()) {
      if (ParamsFieldType.of(component.asType(), known).isEmpty()) {
        report.error(
            "params record "
                + recordName
                + " cannot be decoded from JSON: component "
                + component.getSimpleName()
                + " has type "
                + component.asType()
                + "; use "
                + ParamsFieldType.ACCEPTED,
            parameter);
      }
    }
  }

  private static String describe(HandlerArgument argument) {
    return switch (argument) {
      case REQUEST -> "the OutboundRequest";
      case CONTEXT -> "the OutboundContext";
      case PARAMS -> "its params";
    };
  }
}
