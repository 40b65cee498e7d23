package dev.outbound.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

  @ParameterizedTest(name = "{0} ~ {1}: {2}")
  @CsvSource({
    "abc,     abc,       true",
    "abc,     abd,       false",
    "abc,     ab,        false",
    "ab,      abc,       false",
    "*,       a.b.c,     true",
    "a*,      a,         true",
    "*a,      ba,        true",
    "*a,      ab,        false",
    "*.*,     a.b,       true",
    "*.*,     ab,        false",
    "a*b*c,   abc,       true",
    "a*b*c,   axxbyyc,   true",
    "a*b*c,   axxbyy,    false",
    "*ab,     aab,       true",
    "a*ab,    aaab,      true",
    "*x*y*,   axbycy,    true",
    "*.com,   a.com.net, false",
    "*b*,     aaa,       false",
  })
  void matchesStarAgainstAnyRunOfCharacters(String glob, String name, boolean expected) {
    assertEquals(expected, Glob.matches(glob, name));
  }
}
