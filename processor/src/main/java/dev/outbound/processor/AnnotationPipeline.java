package dev.outbound.processor;

import dev.outbound.processor.model.ClassModel;
import dev.outbound.processor.validation.MessagePrinter;
import dev.outbound.processor.validation.ValidationReport;
import dev.outbound.processor.writing.ServiceRegistrationWriter;
import dev.outbound.processor.writing.SourceFileGenerator;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Takes the classes of one annotation through the processor's steps, across rounds: a class that
 * refers to types not generated yet waits for the round that has them; the others are validated,
 * read into a model if valid and written; after the last round the definitions written are
 * registered for {@code ServiceLoader}.
 *
 * @param <M> the model the generators write from
 */
final class AnnotationPipeline<M extends ClassModel> {

  private final Class<? extends Annotation> annotation;
  private final Function<TypeElement, Optional<TypeMirror>> unresolvedTypes;
  private final Function<TypeElement, ValidationReport> validator;
  private final Function<TypeElement, M> reader;
  private final List<SourceFileGenerator<M>> generators;
  private final ServiceRegistrationWriter serviceRegistrations;

  private final Elements elements;
  private final Messager messager;
  private final MessagePrinter printer;

  /** Qualified names, not elements: elements of one round are not to be used in the next. */
  private final Set<String> deferred = new LinkedHashSet<>();

  private final Set<String> registered = new LinkedHashSet<>();

  AnnotationPipeline(
      ProcessingEnvironment environment,
      MessagePrinter printer,
      Class<? extends Annotation> annotation,
      Function<TypeElement, Optional<TypeMirror>> unresolvedTypes,
      Function<TypeElement, ValidationReport> validator,
      Function<TypeElement, M> reader,
      List<SourceFileGenerator<M>> generators,
      ServiceRegistrationWriter serviceRegistrations) {
    this.annotation = annotation;
    this.unresolvedTypes = unresolvedTypes;
    this.validator = validator;
    this.reader = reader;
    this.generators = generators;
    this.serviceRegistrations = serviceRegistrations;
    this.elements = environment.getElementUtils();
    this.messager = environment.getMessager();
    this.printer = printer;
  }

  /** The classes deferred from earlier rounds, then those annotated in this one. */
  void process(RoundEnvironment round) {
    List<TypeElement> types = new ArrayList<>();
    deferred.forEach(name -> types.add(elements.getTypeElement(name)));
    deferred.clear();
    types.addAll(ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation)));
    for (TypeElement type : types) {
      process(type);
    }
  }

  /** After the last round: reports what still waits, and registers every definition written. */
  void finish() {
    reportStillUnresolved();
    writeServiceRegistrations();
  }

  private void process(TypeElement type) {
    if (unresolvedTypes.apply(type).isPresent()) {
      deferred.add(type.getQualifiedName().toString());
      return;
    }
    ValidationReport report = validator.apply(type);
    report.printTo(printer);
    if (!report.isClean()) {
      return;
    }
    M model = reader.apply(type);
    try {
      for (SourceFileGenerator<M> generator : generators) {
        generator.generate(model);
      }
    } catch (IOException e) {
      messager.printMessage(
          Diagnostic.Kind.ERROR, "could not write generated code: " + e.getMessage(), type);
      return;
    }
    registered.add(type.getQualifiedName().toString());
  }

  /** Types still missing after the last round will not appear; javac reports them as well. */
  private void reportStillUnresolved() {
    for (String name : deferred) {
      TypeElement type = elements.getTypeElement(name);
      Optional<TypeMirror> missing = unresolvedTypes.apply(type);
      messager.printMessage(
          Diagnostic.Kind.ERROR,
          "generated no code for @"
              + annotation.getSimpleName()
              + " class "
              + name
              + " because "
              + missing.map(TypeMirror::toString).orElse("a type it uses")
              + " could not be resolved: fix the import, or the processor that should generate it",
          type);
    }
  }

  private void writeServiceRegistrations() {
    if (registered.isEmpty()) {
      return;
    }
    List<TypeElement> types = registered.stream().map(elements::getTypeElement).toList();
    try {
      serviceRegistrations.write(types);
    } catch (IOException e) {
      messager.printMessage(
          Diagnostic.Kind.ERROR,
          "could not write " + serviceRegistrations.path() + ": " + e.getMessage());
    }
  }
}
