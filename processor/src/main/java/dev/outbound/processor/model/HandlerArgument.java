package dev.outbound.processor.model;

import dev.outbound.OutboundContext;
import dev.outbound.OutboundRequest;
import dev.outbound.Params;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/** What the generated code passes for one parameter of a handler method. */
public enum HandlerArgument {
  REQUEST,
  CONTEXT,
  /**
   * The params a named handler was selected with: {@link Params} itself or decoded into a record.
   */
  PARAMS;

  /** The argument a parameter of this type receives, if the processor can supply one. */
  public static Optional<HandlerArgument> of(TypeMirror type, KnownTypes known) {
    if (known.is(type, OutboundRequest.class)) {
      return Optional.of(REQUEST);
    }
    if (known.is(type, OutboundContext.class)) {
      return Optional.of(CONTEXT);
    }
    if (known.is(type, Params.class) || isRecord(type)) {
      return Optional.of(PARAMS);
    }
    return Optional.empty();
  }

  public static boolean isRecord(TypeMirror type) {
    return type instanceof DeclaredType declared
        && declared.asElement().getKind() == ElementKind.RECORD;
  }
}
