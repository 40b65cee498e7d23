package dev.outbound.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.outbound.binding.DurableObjectState;
import dev.outbound.processor.model.DurableObjectModel;
import dev.outbound.processor.model.ObjectParameter;
import dev.outbound.processor.model.StubMethod;
import dev.outbound.spi.ObjectActor;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code Counter_Stub}, the subclass of {@code Counter} the runtime activates: its
 * constructor passes its arguments on to Counter's, and it overrides every public method so that
 * the call runs through the object's {@code ObjectActor}, one call at a time. Package-private: only
 * the definition in the same package creates it, and callers know it as a {@code Counter}.
 */
public final class StubGenerator extends SourceFileGenerator<DurableObjectModel> {

  private static final String ACTOR = "actor";

  /**
   * Overriding and calling a deprecated method is how the stub routes it, not a use to warn about.
   */
  private static final AnnotationSpec DEPRECATED_OVERRIDE =
      AnnotationSpec.builder(SuppressWarnings.class)
          .addMember("value", "{$S, $S}", "deprecation", "removal")
          .build();

  public StubGenerator(Filer filer) {
    super(filer);
  }

  @Override
  protected TypeSpec.Builder write(DurableObjectModel model) {
    ClassName objectClass = model.className();
    TypeSpec.Builder stub =
        TypeSpec.classBuilder(GeneratedNames.stub(objectClass))
            .addJavadoc(
                "Runs every public method of {@link $T} through the object's actor, one call at a"
                    + " time.\n",
                objectClass)
            .addModifiers(Modifier.FINAL)
            .superclass(objectClass)
            .addField(
                FieldSpec.builder(ObjectActor.class, ACTOR, Modifier.PRIVATE, Modifier.FINAL)
                    .addJavadoc(
                        "Null while {@link $T}'s constructor runs: calls it makes to its own public"
                            + " methods then\n"
                            + "run directly, as nothing else can reach the object yet.\n",
                        objectClass)
                    .build())
            .addMethod(constructor(model));
    for (StubMethod method : model.methods()) {
      stub.addMethod(override(method));
    }
    return stub;
  }

  /** Takes the actor, then the parameters of the class's own constructor, which it passes on. */
  private static MethodSpec constructor(DurableObjectModel model) {
    List<String> names = model.parameters().stream().map(ObjectParameter::name).toList();
    String actor = ACTOR;
    for (int i = 2; names.contains(actor); i++) {
      actor = ACTOR + i;
    }
    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder().addParameter(ObjectActor.class, actor);
    for (ObjectParameter parameter : model.parameters()) {
      constructor.addParameter(type(parameter), parameter.name());
    }
    return constructor
        .addStatement("super($L)", String.join(", ", names))
        .addStatement("this.$N = $N", ACTOR, actor)
        .build();
  }

  private static TypeName type(ObjectParameter parameter) {
    return switch (parameter) {
      case ObjectParameter.State state -> ClassName.get(DurableObjectState.class);
      case ObjectParameter.Binding binding -> binding.binding().declaredType();
    };
  }

  private static MethodSpec override(StubMethod method) {
    MethodSpec.Builder override =
        MethodSpec.methodBuilder(method.name())
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addTypeVariables(method.typeVariables())
            .returns(method.returnType());
    for (StubMethod.Parameter parameter : method.parameters()) {
      override.addParameter(parameter.type(), parameter.name());
    }
    if (method.deprecated()) {
      override.addAnnotation(DEPRECATED_OVERRIDE);
    }
    List<String> arguments = method.parameters().stream().map(StubMethod.Parameter::name).toList();
    // A parameter named actor would hide the field.
    String actor = arguments.contains(ACTOR) ? "this." + ACTOR : ACTOR;
    CodeBlock call = CodeBlock.of("super.$N($L)", method.name(), String.join(", ", arguments));
    return override
        .varargs(method.varargs())
        .addExceptions(method.exceptions())
        .addCode(body(method, actor, call))
        .build();
  }

  private static CodeBlock body(StubMethod method, String actor, CodeBlock call) {
    CodeBlock.Builder body = CodeBlock.builder().beginControlFlow("if ($L == null)", actor);
    if (method.returnsValue()) {
      return body.addStatement("return $L", call)
          .endControlFlow()
          .addStatement("return $L.call(() -> $L)", actor, call)
          .build();
    }
    body.addStatement(call).nextControlFlow("else");
    if (method.throwsChecked()) {
      // A Runnable cannot throw a checked exception; a Callable can, and the actor rethrows it as
      // it is.
      body.add("$L.call(() -> {\n$>$L;\nreturn null;\n$<});\n", actor, call);
    } else {
      body.addStatement("$L.run(() -> $L)", actor, call);
    }
    return body.endControlFlow().build();
  }
}
