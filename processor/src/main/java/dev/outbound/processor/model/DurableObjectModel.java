package dev.outbound.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A valid {@code @DurableObject} class as the writers need it.
 *
 * @param parameters the constructor's parameters, in order
 * @param methods the public methods the stub runs through the object's actor
 */
public record DurableObjectModel(
    TypeElement element,
    ClassName className,
    List<ObjectParameter> parameters,
    List<StubMethod> methods)
    implements ClassModel {

  /** The configured bindings among the constructor's parameters, in order. */
  public List<BindingParameter> bindings() {
    return parameters.stream()
        .filter(ObjectParameter.Binding.class::isInstance)
        .map(parameter -> ((ObjectParameter.Binding) parameter).binding())
        .toList();
  }
}
