package dev.outbound.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Sources in package {@code com.example} with the imports handler classes use, and compiling them.
 */
final class TestSources {

  private static final String HEADER =
      """
      package com.example;

      import dev.outbound.*;
      import dev.outbound.binding.*;
      import jakarta.inject.Inject;
      import jakarta.inject.Named;
      import java.util.List;
      import java.util.Map;

      """;

  private TestSources() {}

  static JavaFileObject source(String simpleName, String body) {
    return JavaFileObjects.forSourceString("com.example." + simpleName, HEADER + body);
  }

  static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new OutboundProcessor()).compile(sources);
  }

  /**
   * Compiles {@code sources} while another processor generates {@code generatedSource} in the first
   * round.
   */
  static Compilation compileWithGenerated(
      JavaFileObject source, String generatedName, String generatedSource) {
    return Compiler.javac()
        .withProcessors(
            new OutboundProcessor(), new SourceGeneratingProcessor(generatedName, generatedSource))
        .compile(source);
  }

  /** The 1-based line of the one line of {@code source} that contains {@code text}. */
  static int lineOf(JavaFileObject source, String text) {
    List<String> lines;
    try {
      lines = source.getCharContent(true).toString().lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Integer> found =
        java.util.stream.IntStream.range(0, lines.size())
            .filter(i -> lines.get(i).contains(text))
            .boxed()
            .toList();
    assertWithMessage("lines containing %s", text).that(found).hasSize(1);
    return found.get(0) + 1;
  }

  /**
   * Compiles {@code source} and checks that it fails with exactly this one error, on the marked
   * line.
   */
  static Compilation assertOnlyError(JavaFileObject source, String lineMarker, String message) {
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(message)
        .inFile(source)
        .onLine(lineOf(source, lineMarker));
    return compilation;
  }
}
