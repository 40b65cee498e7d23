package dev.outbound.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.outbound.processor.model.BindingParameter;
import dev.outbound.spi.BindingRequirement;
import java.util.List;

/**
 * The code that lists a constructor's bindings for the manifest and fetches them from a {@code
 * BindingResolver}: the same for a container's injector and a durable object's definition.
 */
final class BindingCode {

  /** For the method that fetches bindings with type arguments, which are cast to them. */
  static final AnnotationSpec UNCHECKED =
      AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build();

  private BindingCode() {}

  /**
   * {@code List.of(new BindingRequirement("KV", KvNamespace.class, ...), ...)}, as a field
   * initializer.
   */
  static CodeBlock requirements(List<BindingParameter> bindings) {
    List<CodeBlock> requirements =
        bindings.stream()
            .map(
                binding ->
                    CodeBlock.of(
                        "new $T($S, $T.class, $S, $S)",
                        BindingRequirement.class,
                        binding.bindingName(),
                        binding.type().type(),
                        binding.declaredTypeText(),
                        binding.declaredAt()))
            .toList();
    // A field initializer, unlike a statement, gets no continuation indent of its own.
    return CodeBlock.of("$T.of($>$>$L$<$<)", List.class, onSeparateLines(requirements));
  }

  /**
   * {@code bindings.binding("KV", KvNamespace.class)}, cast when the parameter has type arguments.
   */
  static CodeBlock argument(BindingParameter binding) {
    CodeBlock lookup =
        CodeBlock.of(
            "bindings.binding($S, $T.class)", binding.bindingName(), binding.type().type());
    return isGeneric(binding) ? CodeBlock.of("($T) $L", binding.declaredType(), lookup) : lookup;
  }

  /** Whether a method fetching these bindings needs {@link #UNCHECKED}. */
  static boolean anyGeneric(List<BindingParameter> bindings) {
    return bindings.stream().anyMatch(BindingCode::isGeneric);
  }

  /** Arguments one per line, as a long argument list would be written by hand. */
  static CodeBlock onSeparateLines(List<CodeBlock> arguments) {
    return arguments.isEmpty()
        ? CodeBlock.of("")
        : CodeBlock.of("\n$L", CodeBlock.join(arguments, ",\n"));
  }

  /**
   * BindingResolver returns the raw interface; the cast to the declared type arguments is
   * unchecked.
   */
  private static boolean isGeneric(BindingParameter binding) {
    return binding.declaredType() instanceof ParameterizedTypeName;
  }
}
