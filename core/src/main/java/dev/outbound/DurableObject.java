package dev.outbound;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a durable object class: one instance per id, with its own SQLite storage, receiving
 * {@link dev.outbound.binding.DurableObjectState} through its {@code @Inject} constructor.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface DurableObject {}
