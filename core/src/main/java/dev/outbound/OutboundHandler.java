package dev.outbound;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A named handler. It serves nothing until the admin API selects it for a container instance, as
 * its catch-all or for a host pattern, with JSON params decoded into the method's params parameter.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OutboundHandler {

  /** The name the admin API selects the handler by. */
  String value();
}
