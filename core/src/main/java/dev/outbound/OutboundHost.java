package dev.outbound;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Routes requests for one host pattern to the annotated method. Patterns: an exact name ({@code
 * my.kv}), a {@code *} glob ({@code *.example.com}), an IP literal, a CIDR block, any of those with
 * {@code :port}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@Repeatable(OutboundHost.List.class)
public @interface OutboundHost {

  /** The host pattern. */
  String value();

  /** Holder for repeated {@link OutboundHost} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.METHOD)
  @interface List {
    OutboundHost[] value();
  }
}
