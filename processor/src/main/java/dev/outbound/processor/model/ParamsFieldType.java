package dev.outbound.processor.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * A params record component type that generated code can decode, with the {@code Params} getter
 * that reads it. Primitive components are required (absent would not fit in them); boxed ones may
 * be null.
 */
public enum ParamsFieldType {
  STRING("string", false),
  BOOLEAN("bool", true),
  BOXED_BOOLEAN("bool", false),
  INT("int32", true),
  BOXED_INT("int32", false),
  LONG("int64", true),
  BOXED_LONG("int64", false),
  DOUBLE("float64", true),
  BOXED_DOUBLE("float64", false),
  STRING_LIST("stringList", false),
  STRING_MAP("stringMap", false);

  /** How an error message lists the accepted types. */
  public static final String ACCEPTED =
      "String, boolean, int, long, double, their boxed forms, List<String> or Map<String, String>";

  private final String getter;
  private final boolean required;

  ParamsFieldType(String getter, boolean required) {
    this.getter = getter;
    this.required = required;
  }

  /** The {@code Params} method that reads the field. */
  public String getter() {
    return getter;
  }

  /** Whether an absent field is an error rather than {@code null}. */
  public boolean required() {
    return required;
  }

  public static Optional<ParamsFieldType> of(TypeMirror type, KnownTypes known) {
    return Optional.ofNullable(
        switch (type.getKind()) {
          case BOOLEAN -> BOOLEAN;
          case INT -> INT;
          case LONG -> LONG;
          case DOUBLE -> DOUBLE;
          case DECLARED -> declared((DeclaredType) type, known);
          default -> null;
        });
  }

  private static ParamsFieldType declared(DeclaredType type, KnownTypes known) {
    if (known.is(type, String.class)) {
      return STRING;
    }
    if (known.is(type, Boolean.class)) {
      return BOXED_BOOLEAN;
    }
    if (known.is(type, Integer.class)) {
      return BOXED_INT;
    }
    if (known.is(type, Long.class)) {
      return BOXED_LONG;
    }
    if (known.is(type, Double.class)) {
      return BOXED_DOUBLE;
    }
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    if (known.is(type, List.class) && arguments.size() == 1 && isString(arguments.get(0), known)) {
      return STRING_LIST;
    }
    if (known.is(type, Map.class)
        && arguments.size() == 2
        && isString(arguments.get(0), known)
        && isString(arguments.get(1), known)) {
      return STRING_MAP;
    }
    return null;
  }

  private static boolean isString(TypeMirror type, KnownTypes known) {
    return type.getKind() == TypeKind.DECLARED && known.is(type, String.class);
  }
}
