package dev.outbound.processor;

import com.google.auto.service.AutoService;
import dev.outbound.DurableObject;
import dev.outbound.OutboundContainer;
import dev.outbound.processor.model.ContainerModel;
import dev.outbound.processor.model.ContainerReader;
import dev.outbound.processor.model.DurableObjectModel;
import dev.outbound.processor.model.DurableObjectReader;
import dev.outbound.processor.model.HandlerMethods;
import dev.outbound.processor.model.KnownTypes;
import dev.outbound.processor.model.PublicMethods;
import dev.outbound.processor.validation.ContainerValidator;
import dev.outbound.processor.validation.DurableObjectValidator;
import dev.outbound.processor.validation.HandlerPlacementValidator;
import dev.outbound.processor.validation.MessagePrinter;
import dev.outbound.processor.writing.ContainerDefinitionGenerator;
import dev.outbound.processor.writing.DurableObjectDefinitionGenerator;
import dev.outbound.processor.writing.GeneratedNames;
import dev.outbound.processor.writing.InjectorGenerator;
import dev.outbound.processor.writing.RoutesGenerator;
import dev.outbound.processor.writing.ServiceRegistrationWriter;
import dev.outbound.processor.writing.StubGenerator;
import dev.outbound.spi.ContainerDefinition;
import dev.outbound.spi.DurableObjectDefinition;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * Generates the routing table, injector and {@code ContainerDefinition} of every
 * {@code @OutboundContainer} class, and the stub and {@code DurableObjectDefinition} of every
 * {@code @DurableObject} class, and registers the definitions for {@code ServiceLoader}; see the
 * package documentation for what it checks and generates.
 *
 * <p>Each class goes through three separate steps, run by an {@link AnnotationPipeline} per
 * annotation: a validator reports every problem of the class on the element it is about, a reader
 * turns a valid class into a model, and the generators write it. A class that refers to types not
 * generated yet waits for the round that has them.
 */
@AutoService(Processor.class)
public final class OutboundProcessor extends AbstractProcessor {

  private MessagePrinter printer;
  private final HandlerPlacementValidator placementValidator = new HandlerPlacementValidator();
  private AnnotationPipeline<ContainerModel> containers;
  private AnnotationPipeline<DurableObjectModel> durableObjects;

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    printer = new MessagePrinter(environment);
    KnownTypes known = new KnownTypes(environment);
    Filer filer = environment.getFiler();
    containers =
        new AnnotationPipeline<>(
            environment,
            printer,
            OutboundContainer.class,
            UnresolvedTypes::inContainer,
            new ContainerValidator(known)::validate,
            new ContainerReader(known)::read,
            List.of(
                new RoutesGenerator(filer),
                new InjectorGenerator(filer),
                new ContainerDefinitionGenerator(filer)),
            new ServiceRegistrationWriter(
                filer, ContainerDefinition.class, GeneratedNames::definition));
    PublicMethods publicMethods = new PublicMethods(known);
    durableObjects =
        new AnnotationPipeline<>(
            environment,
            printer,
            DurableObject.class,
            type -> UnresolvedTypes.inDurableObject(type, publicMethods.of(type)),
            new DurableObjectValidator(known)::validate,
            new DurableObjectReader(known)::read,
            List.of(new StubGenerator(filer), new DurableObjectDefinitionGenerator(filer)),
            new ServiceRegistrationWriter(
                filer, DurableObjectDefinition.class, GeneratedNames::objectDefinition));
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> types = new LinkedHashSet<>();
    types.add(OutboundContainer.class.getCanonicalName());
    types.add(DurableObject.class.getCanonicalName());
    HandlerMethods.ANNOTATIONS.forEach(annotation -> types.add(annotation.getCanonicalName()));
    return types;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver()) {
      containers.finish();
      durableObjects.finish();
      return false;
    }
    checkHandlerPlacement(round);
    containers.process(round);
    durableObjects.process(round);
    // Other processors may use these annotations too; claiming them would hide them.
    return false;
  }

  private void checkHandlerPlacement(RoundEnvironment round) {
    for (Element method :
        round.getElementsAnnotatedWithAny(Set.copyOf(HandlerMethods.ANNOTATIONS))) {
      if (method.getKind() == ElementKind.METHOD) {
        placementValidator.validate(method).printTo(printer);
      }
    }
  }
}
