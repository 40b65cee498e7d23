package dev.outbound.processor;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/**
 * Runs an {@link OutboundProcessor} behind a {@link Filer} that records every file it creates with
 * the originating elements, which compile-testing does not show, and shows nothing of a failed
 * compilation.
 */
final class FileRecordingProcessor implements Processor {

  private final OutboundProcessor processor = new OutboundProcessor();

  /** Created file → qualified names of its originating elements. */
  private final Map<String, List<String>> created = new LinkedHashMap<>();

  Map<String, List<String>> createdFiles() {
    return created;
  }

  @Override
  public void init(ProcessingEnvironment environment) {
    Filer recording = new RecordingFiler(environment.getFiler());
    processor.init(
        (ProcessingEnvironment)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ProcessingEnvironment.class},
                (proxy, method, arguments) -> {
                  if (method.getName().equals("getFiler")) {
                    return recording;
                  }
                  try {
                    return method.invoke(environment, arguments);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                }));
  }

  @Override
  public Set<String> getSupportedOptions() {
    return processor.getSupportedOptions();
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return processor.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return processor.getSupportedSourceVersion();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return processor.process(annotations, round);
  }

  @Override
  public Iterable<? extends Completion> getCompletions(
      Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
    return processor.getCompletions(element, annotation, member, userText);
  }

  private final class RecordingFiler implements Filer {

    private final Filer filer;

    RecordingFiler(Filer filer) {
      this.filer = filer;
    }

    @Override
    public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements)
        throws IOException {
      record(name.toString(), originatingElements);
      return filer.createSourceFile(name, originatingElements);
    }

    @Override
    public JavaFileObject createClassFile(CharSequence name, Element... originatingElements)
        throws IOException {
      record(name.toString(), originatingElements);
      return filer.createClassFile(name, originatingElements);
    }

    @Override
    public FileObject createResource(
        JavaFileManager.Location location,
        CharSequence moduleAndPkg,
        CharSequence relativeName,
        Element... originatingElements)
        throws IOException {
      record(relativeName.toString(), originatingElements);
      return filer.createResource(location, moduleAndPkg, relativeName, originatingElements);
    }

    @Override
    public FileObject getResource(
        JavaFileManager.Location location, CharSequence moduleAndPkg, CharSequence relativeName)
        throws IOException {
      return filer.getResource(location, moduleAndPkg, relativeName);
    }

    private void record(String name, Element[] originatingElements) {
      created.put(
          name,
          Arrays.stream(originatingElements)
              .map(element -> ((TypeElement) element).getQualifiedName().toString())
              .toList());
    }
  }
}
