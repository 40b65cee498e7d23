package dev.outbound;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a container class: its name and its static egress policy.
 *
 * <p>Policy is evaluated in the order of SPEC §4.4. Deployment configuration and the admin API can
 * override it per class and per container instance.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface OutboundContainer {

  /** The container class name used by configuration, the admin API and {@code outbound run}. */
  String name();

  /** Pass requests that no handler answers on to the internet. Off by default: deny by default. */
  boolean enableInternet() default false;

  /**
   * When non-empty, only these host patterns may be reached at all (handlers included). An empty
   * array here means "not set"; configuration and the admin API can set an explicit empty list,
   * which denies everything.
   */
  String[] allowedHosts() default {};

  /** Host patterns that are always denied, before any handler runs (plain HTTP and CONNECT). */
  String[] deniedHosts() default {};

  /** Terminate TLS for CONNECT requests so that handlers see HTTPS requests too. */
  boolean interceptHttps() default false;
}
