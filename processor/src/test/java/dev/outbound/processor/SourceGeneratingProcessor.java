package dev.outbound.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/** Stands in for another annotation processor: writes one source file in the first round. */
final class SourceGeneratingProcessor extends AbstractProcessor {

  private final String qualifiedName;
  private final String source;
  private boolean written;

  SourceGeneratingProcessor(String qualifiedName, String source) {
    this.qualifiedName = qualifiedName;
    this.source = source;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (!written) {
      written = true;
      try (Writer writer = processingEnv.getFiler().createSourceFile(qualifiedName).openWriter()) {
        writer.write(source);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return false;
  }
}
