package dev.outbound.processor.model;

import java.util.List;

/**
 * A method the generated routes call.
 *
 * @param name the Java method name
 * @param arguments what to pass for each parameter, in declaration order
 */
public record HandlerMethod(String name, List<HandlerArgument> arguments) {}
