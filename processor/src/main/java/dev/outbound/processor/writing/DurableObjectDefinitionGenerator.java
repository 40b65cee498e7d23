package dev.outbound.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.outbound.binding.DurableObjectState;
import dev.outbound.processor.model.DurableObjectModel;
import dev.outbound.processor.model.ObjectParameter;
import dev.outbound.spi.BindingRequirement;
import dev.outbound.spi.BindingResolver;
import dev.outbound.spi.DurableObjectDefinition;
import dev.outbound.spi.ObjectActor;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code Counter_DurableObject}, the {@code DurableObjectDefinition} the runtime finds
 * through {@code ServiceLoader} (hence public, with the implicit public no-argument constructor):
 * the bindings the constructor needs, as a manifest, and {@code activate}, which creates the stub
 * with the object's actor, its state and the bindings.
 */
public final class DurableObjectDefinitionGenerator
    extends SourceFileGenerator<DurableObjectModel> {

  public DurableObjectDefinitionGenerator(Filer filer) {
    super(filer);
  }

  @Override
  protected TypeSpec.Builder write(DurableObjectModel model) {
    ClassName objectClass = model.className();
    List<CodeBlock> arguments = new ArrayList<>();
    arguments.add(CodeBlock.of("actor"));
    for (ObjectParameter parameter : model.parameters()) {
      arguments.add(
          switch (parameter) {
            case ObjectParameter.State state -> CodeBlock.of("state");
            case ObjectParameter.Binding binding -> BindingCode.argument(binding.binding());
          });
    }
    // The actor alone fits on the line; with more, one per line as in the injector.
    CodeBlock argumentList =
        arguments.size() == 1 ? arguments.get(0) : BindingCode.onSeparateLines(arguments);
    MethodSpec.Builder activate =
        override("activate", objectClass)
            .addParameter(DurableObjectState.class, "state")
            .addParameter(ObjectActor.class, "actor")
            .addParameter(BindingResolver.class, "bindings")
            .addStatement("return new $T($L)", GeneratedNames.stub(objectClass), argumentList);
    if (BindingCode.anyGeneric(model.bindings())) {
      activate.addAnnotation(BindingCode.UNCHECKED);
    }
    TypeName requirements = ParameterizedTypeName.get(List.class, BindingRequirement.class);
    return TypeSpec.classBuilder(GeneratedNames.objectDefinition(objectClass))
        .addJavadoc(
            "Activates {@link $T} durable objects, found by {@link java.util.ServiceLoader}.\n",
            objectClass)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(
            ParameterizedTypeName.get(ClassName.get(DurableObjectDefinition.class), objectClass))
        .addField(
            FieldSpec.builder(
                    requirements, "BINDINGS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(BindingCode.requirements(model.bindings()))
                .build())
        .addMethod(
            override(
                    "objectClass",
                    ParameterizedTypeName.get(ClassName.get(Class.class), objectClass))
                .addStatement("return $T.class", objectClass)
                .build())
        .addMethod(override("bindings", requirements).addStatement("return BINDINGS").build())
        .addMethod(activate.build());
  }
}
