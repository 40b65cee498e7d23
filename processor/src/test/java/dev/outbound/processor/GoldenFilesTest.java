package dev.outbound.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Pins the full text of generated code for representative classes, so any change to it shows up as
 * a diff in review. The compilation also runs with every lint enabled and warnings as errors, so
 * the generated code stays warning-free in users' builds.
 */
class GoldenFilesTest {

  private static final JavaFileObject MY_APP = JavaFileObjects.forResource("golden/MyApp.java");
  private static final JavaFileObject OUTER = JavaFileObjects.forResource("golden/Outer.java");
  private static final JavaFileObject COUNTER = JavaFileObjects.forResource("golden/Counter.java");
  private static final JavaFileObject LEDGER = JavaFileObjects.forResource("golden/Ledger.java");

  @Test
  void routingTable() {
    assertThat(compile(MY_APP))
        .generatedSourceFile("com.example.MyApp_OutboundRoutes")
        .contentsAsUtf8String()
        .isEqualTo(golden("MyApp_OutboundRoutes.java"));
  }

  @Test
  void injector() {
    assertThat(compile(MY_APP))
        .generatedSourceFile("com.example.MyApp_Injector")
        .contentsAsUtf8String()
        .isEqualTo(golden("MyApp_Injector.java"));
  }

  @Test
  void containerDefinition() {
    assertThat(compile(MY_APP))
        .generatedSourceFile("com.example.MyApp_OutboundContainer")
        .contentsAsUtf8String()
        .isEqualTo(golden("MyApp_OutboundContainer.java"));
  }

  @Test
  void serviceRegistrationListsEveryContainer() {
    assertThat(compile(MY_APP, OUTER))
        .generatedFile(
            StandardLocation.CLASS_OUTPUT, "META-INF/services/dev.outbound.spi.ContainerDefinition")
        .contentsAsUtf8String()
        .isEqualTo(golden("dev.outbound.spi.ContainerDefinition"));
  }

  /**
   * A static nested class with no routes and no bindings: generated names join the simple names.
   */
  @Test
  void nestedClassWithoutRoutesOrBindings() {
    Compilation compilation = compile(OUTER);
    assertThat(compilation)
        .generatedSourceFile("com.example.Outer_Inner_OutboundRoutes")
        .contentsAsUtf8String()
        .isEqualTo(golden("Outer_Inner_OutboundRoutes.java"));
    assertThat(compilation)
        .generatedSourceFile("com.example.Outer_Inner_Injector")
        .contentsAsUtf8String()
        .isEqualTo(golden("Outer_Inner_Injector.java"));
    assertThat(compilation)
        .generatedSourceFile("com.example.Outer_Inner_OutboundContainer")
        .contentsAsUtf8String()
        .isEqualTo(golden("Outer_Inner_OutboundContainer.java"));
  }

  /**
   * A value, a void method, one throwing a checked exception, a generic method and one inherited
   * from a generic superclass; toString and the package-private method are left alone.
   */
  @Test
  void durableObjectStub() {
    assertThat(compile(COUNTER, LEDGER))
        .generatedSourceFile("com.example.Counter_Stub")
        .contentsAsUtf8String()
        .isEqualTo(golden("Counter_Stub.java"));
  }

  @Test
  void durableObjectDefinition() {
    assertThat(compile(COUNTER, LEDGER))
        .generatedSourceFile("com.example.Counter_DurableObject")
        .contentsAsUtf8String()
        .isEqualTo(golden("Counter_DurableObject.java"));
  }

  /** MyApp.Counter is nested: its definition is MyApp_Counter_DurableObject. */
  @Test
  void serviceRegistrationListsEveryDurableObject() {
    assertThat(compile(MY_APP, COUNTER, LEDGER))
        .generatedFile(
            StandardLocation.CLASS_OUTPUT,
            "META-INF/services/dev.outbound.spi.DurableObjectDefinition")
        .contentsAsUtf8String()
        .isEqualTo(golden("dev.outbound.spi.DurableObjectDefinition"));
  }

  private static Compilation compile(JavaFileObject... sources) {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new OutboundProcessor())
            .withOptions("-Xlint:all,-processing", "-Werror")
            .compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    return compilation;
  }

  private static String golden(String name) {
    try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no golden file " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
