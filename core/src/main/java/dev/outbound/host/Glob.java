package dev.outbound.host;

/**
 * Matches a name against a glob where {@code *} stands for any run of characters, dots included,
 * possibly empty. Iterative and allocation-free because it runs on every request; after a mismatch
 * it retries from the last {@code *}, which is enough when {@code *} is the only wildcard.
 */
final class Glob {

  private Glob() {}

  static boolean matches(String glob, String name) {
    int g = 0;
    int n = 0;
    int lastStar = -1; // index in glob of the last '*' seen
    int starMatchEnd = 0; // how far into name that '*' currently reaches
    while (n < name.length()) {
      if (g < glob.length() && glob.charAt(g) == '*') {
        lastStar = g++;
        starMatchEnd = n;
      } else if (g < glob.length() && glob.charAt(g) == name.charAt(n)) {
        g++;
        n++;
      } else if (lastStar >= 0) {
        g = lastStar + 1;
        n = ++starMatchEnd;
      } else {
        return false;
      }
    }
    while (g < glob.length() && glob.charAt(g) == '*') {
      g++;
    }
    return g == glob.length();
  }
}
