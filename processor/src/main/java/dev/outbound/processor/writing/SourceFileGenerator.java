package dev.outbound.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.outbound.processor.OutboundProcessor;
import dev.outbound.processor.model.ContainerModel;
import java.io.IOException;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Generated;

/**
 * The template every generated source file goes through: a writer supplies the type, this adds
 * {@code @Generated}, names the container class as originating element (for incremental builds) and
 * writes the file into the container's package.
 */
public abstract class SourceFileGenerator {

    private static final AnnotationSpec GENERATED = AnnotationSpec.builder(Generated.class)
            .addMember("value", "$S", OutboundProcessor.class.getCanonicalName())
            .build();

    private final Filer filer;

    protected SourceFileGenerator(Filer filer) {
        this.filer = filer;
    }

    public final void generate(ContainerModel model) throws IOException {
        TypeSpec type = write(model)
                .addAnnotation(GENERATED)
                .addOriginatingElement(model.element())
                .build();
        JavaFile.builder(model.className().packageName(), type)
                .skipJavaLangImports(true)
                .indent("    ")
                .build()
                .writeTo(filer);
    }

    /** The generated class, without {@code @Generated}. */
    protected abstract TypeSpec.Builder write(ContainerModel model);

}
