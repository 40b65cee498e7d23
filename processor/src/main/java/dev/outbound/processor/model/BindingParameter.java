package dev.outbound.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * A constructor parameter the injector fills from a configured binding.
 *
 * @param bindingName the {@code @Named} value
 * @param declaredType the parameter type, type arguments included
 * @param declaredTypeText the same as the source spells it with simple names, for messages at run
 *     time
 * @param declaredAt {@code com.example.MyApp(kv)}: the class and parameter, for messages at run
 *     time
 */
public record BindingParameter(
    String bindingName,
    BindingType type,
    TypeName declaredType,
    String declaredTypeText,
    String declaredAt) {}
