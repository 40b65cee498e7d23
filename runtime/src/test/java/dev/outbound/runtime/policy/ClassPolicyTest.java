package dev.outbound.runtime.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.spi.StaticPolicy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClassPolicyTest {

  private static final ClassPolicy ANNOTATION =
      ClassPolicy.of(
          new StaticPolicy(false, Optional.of(List.of("api.test")), List.of("*.evil.test"), false));

  @Test
  void startsFromTheAnnotation() {
    assertEquals(
        new ClassPolicy(false, Optional.of(List.of("api.test")), List.of("*.evil.test"), false),
        ANNOTATION);
  }

  @Test
  void absentOverridesKeepTheAnnotation() {
    assertEquals(
        ANNOTATION,
        ANNOTATION.withOverrides(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
  }

  @Test
  void configurationReplacesFlagsAndAllowedHostsButAddsDeniedHosts() {
    ClassPolicy configured =
        ANNOTATION.withOverrides(
            Optional.of(true),
            Optional.of(List.of()),
            Optional.of(List.of("tracker.test", "*.evil.test")),
            Optional.of(true));

    assertEquals(
        new ClassPolicy(true, Optional.of(List.of()), List.of("*.evil.test", "tracker.test"), true),
        configured);
  }

  @Test
  void rejectsInvalidPatternsFromConfiguration() {
    IllegalArgumentException allowed =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ANNOTATION.withOverrides(
                    Optional.empty(),
                    Optional.of(List.of("10.*")),
                    Optional.empty(),
                    Optional.empty()));
    assertTrue(
        allowed.getMessage().startsWith("invalid host pattern \"10.*\""), allowed.getMessage());

    IllegalArgumentException denied =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ANNOTATION.withOverrides(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(List.of("")),
                    Optional.empty()));
    assertTrue(denied.getMessage().startsWith("invalid host pattern \"\""), denied.getMessage());
  }
}
