package dev.outbound.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.outbound.processor.OutboundProcessor;
import dev.outbound.processor.model.ClassModel;
import java.io.IOException;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Generated;
import javax.lang.model.element.Modifier;

/**
 * The template every generated source file goes through: a writer supplies the type, this adds
 * {@code @Generated}, names the annotated class as originating element (for incremental builds) and
 * writes the file into the class's package.
 *
 * @param <M> the model of the annotated class
 */
public abstract class SourceFileGenerator<M extends ClassModel> {

  private static final AnnotationSpec GENERATED =
      AnnotationSpec.builder(Generated.class)
          .addMember("value", "$S", OutboundProcessor.class.getCanonicalName())
          .build();

  private final Filer filer;

  protected SourceFileGenerator(Filer filer) {
    this.filer = filer;
  }

  public final void generate(M model) throws IOException {
    TypeSpec type =
        write(model).addAnnotation(GENERATED).addOriginatingElement(model.element()).build();
    JavaFile.builder(model.className().packageName(), type)
        .skipJavaLangImports(true)
        .indent("    ")
        .build()
        .writeTo(filer);
  }

  /** The generated class, without {@code @Generated}. */
  protected abstract TypeSpec.Builder write(M model);

  /** The start of a public method that implements a method of the generated class's interface. */
  protected static MethodSpec.Builder override(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(returns);
  }
}
