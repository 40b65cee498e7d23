package dev.outbound.it;

/** What a finished process printed and returned. */
record ProcessResult(int exitCode, String output) {

  ProcessResult assertSuccess(String what) {
    if (exitCode != 0) {
      throw new AssertionError(what + " exited with " + exitCode + ":\n" + output);
    }
    return this;
  }
}
