package dev.outbound.processor;

import com.google.auto.service.AutoService;
import dev.outbound.OutboundContainer;
import dev.outbound.processor.model.ContainerModel;
import dev.outbound.processor.model.ContainerReader;
import dev.outbound.processor.model.HandlerMethods;
import dev.outbound.processor.model.KnownTypes;
import dev.outbound.processor.validation.ContainerValidator;
import dev.outbound.processor.validation.HandlerPlacementValidator;
import dev.outbound.processor.validation.MessagePrinter;
import dev.outbound.processor.validation.ValidationReport;
import dev.outbound.processor.writing.ContainerDefinitionGenerator;
import dev.outbound.processor.writing.InjectorGenerator;
import dev.outbound.processor.writing.RoutesGenerator;
import dev.outbound.processor.writing.ServiceRegistrationWriter;
import dev.outbound.processor.writing.SourceFileGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Generates the routing table, injector and {@code ContainerDefinition} of every
 * {@code @OutboundContainer} class and registers the definitions for {@code ServiceLoader}; see the
 * package documentation for what it checks and generates.
 *
 * <p>Each class goes through three separate steps: {@link ContainerValidator} reports every problem of
 * the class on the element it is about, {@link ContainerReader} turns a valid class into a
 * {@link ContainerModel}, and the generators write it. A class that refers to types not generated yet
 * waits for the round that has them.
 */
@AutoService(Processor.class)
public final class OutboundProcessor extends AbstractProcessor {

    /** Qualified names, not elements: elements of one round are not to be used in the next. */
    private final Set<String> deferred = new LinkedHashSet<>();
    private final Set<String> registered = new LinkedHashSet<>();

    private Elements elements;
    private Messager messager;
    private MessagePrinter printer;
    private ContainerValidator validator;
    private final HandlerPlacementValidator placementValidator = new HandlerPlacementValidator();
    private ContainerReader reader;
    private List<SourceFileGenerator> generators;
    private ServiceRegistrationWriter serviceRegistrations;

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        elements = environment.getElementUtils();
        messager = environment.getMessager();
        printer = new MessagePrinter(environment);
        KnownTypes known = new KnownTypes(environment);
        validator = new ContainerValidator(known);
        reader = new ContainerReader(known);
        generators = List.of(
                new RoutesGenerator(environment.getFiler()),
                new InjectorGenerator(environment.getFiler()),
                new ContainerDefinitionGenerator(environment.getFiler()));
        serviceRegistrations = new ServiceRegistrationWriter(environment.getFiler());
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        Set<String> types = new LinkedHashSet<>();
        types.add(OutboundContainer.class.getCanonicalName());
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
            reportStillUnresolved();
            writeServiceRegistrations();
            return false;
        }
        checkHandlerPlacement(round);
        List<TypeElement> containers = new ArrayList<>();
        deferred.forEach(name -> containers.add(elements.getTypeElement(name)));
        deferred.clear();
        containers.addAll(ElementFilter.typesIn(round.getElementsAnnotatedWith(OutboundContainer.class)));
        for (TypeElement container : containers) {
            process(container);
        }
        // Other processors may use these annotations too; claiming them would hide them.
        return false;
    }

    private void process(TypeElement container) {
        if (UnresolvedTypes.in(container).isPresent()) {
            deferred.add(container.getQualifiedName().toString());
            return;
        }
        ValidationReport report = validator.validate(container);
        report.printTo(printer);
        if (!report.isClean()) {
            return;
        }
        ContainerModel model = reader.read(container);
        try {
            for (SourceFileGenerator generator : generators) {
                generator.generate(model);
            }
        } catch (IOException e) {
            messager.printMessage(Diagnostic.Kind.ERROR, "could not write generated code: " + e.getMessage(), container);
            return;
        }
        registered.add(container.getQualifiedName().toString());
    }

    private void checkHandlerPlacement(RoundEnvironment round) {
        for (Element method : round.getElementsAnnotatedWithAny(Set.copyOf(HandlerMethods.ANNOTATIONS))) {
            if (method.getKind() == ElementKind.METHOD) {
                placementValidator.validate(method).printTo(printer);
            }
        }
    }

    /** Types still missing after the last round will not appear; javac reports them as well. */
    private void reportStillUnresolved() {
        for (String name : deferred) {
            TypeElement container = elements.getTypeElement(name);
            Optional<TypeMirror> missing = UnresolvedTypes.in(container);
            messager.printMessage(Diagnostic.Kind.ERROR, "generated no code for @OutboundContainer class " + name
                    + " because " + missing.map(TypeMirror::toString).orElse("a type it uses") + " could not be"
                    + " resolved: fix the import, or the processor that should generate it", container);
        }
    }

    private void writeServiceRegistrations() {
        if (registered.isEmpty()) {
            return;
        }
        List<TypeElement> containers = registered.stream().map(elements::getTypeElement).toList();
        try {
            serviceRegistrations.write(containers);
        } catch (IOException e) {
            messager.printMessage(Diagnostic.Kind.ERROR, "could not write " + ServiceRegistrationWriter.PATH + ": "
                    + e.getMessage());
        }
    }
}
