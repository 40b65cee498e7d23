package dev.outbound.runtime.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.outbound.Params;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstanceOverridesTest {

  private static final HandlerSelection GITHUB = new HandlerSelection("github", Params.empty());

  @Test
  void keysHostHandlersByCanonicalPattern() {
    InstanceOverrides overrides =
        InstanceOverrides.NONE.withHostHandler("API.Example.COM.", GITHUB);

    assertEquals(List.of("api.example.com"), List.copyOf(overrides.byHost().keySet()));
    assertEquals(Map.of(), overrides.withoutHostHandler("api.example.com").byHost());
  }

  @Test
  void replacesTheHandlerOfAPatternAlreadySet() {
    HandlerSelection other = new HandlerSelection("other", Params.empty());

    InstanceOverrides overrides =
        InstanceOverrides.NONE.withHostHandler("a.test", GITHUB).withHostHandler("A.test", other);

    assertEquals(Map.of("a.test", other), overrides.byHost());
  }

  @Test
  void rejectsInvalidOrDuplicateHostPatterns() {
    assertThrows(
        IllegalArgumentException.class,
        () -> InstanceOverrides.NONE.withHostHandler("https://a.test", GITHUB));
    IllegalArgumentException duplicate =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new InstanceOverrides(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Map.of("a.test", GITHUB, "A.TEST", GITHUB)));
    assertEquals("duplicate host pattern: a.test", duplicate.getMessage());
  }

  @Test
  void withersChangeOneFieldEach() {
    InstanceOverrides overrides =
        InstanceOverrides.NONE
            .withAllowedHosts(Optional.of(List.of("a.test")))
            .withDeniedHosts(Optional.of(List.of("b.test")))
            .withCatchAll(Optional.of(GITHUB));

    assertEquals(
        new InstanceOverrides(
            Optional.of(List.of("a.test")),
            Optional.of(List.of("b.test")),
            Optional.of(GITHUB),
            Map.of()),
        overrides);
    assertEquals(
        InstanceOverrides.NONE,
        overrides
            .withAllowedHosts(Optional.empty())
            .withDeniedHosts(Optional.empty())
            .withCatchAll(Optional.empty()));
  }
}
