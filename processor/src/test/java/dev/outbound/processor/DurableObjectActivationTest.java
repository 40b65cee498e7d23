package dev.outbound.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.outbound.binding.DurableObjectId;
import dev.outbound.binding.DurableObjectState;
import dev.outbound.binding.DurableObjectStorage;
import dev.outbound.binding.KvNamespace;
import dev.outbound.spi.BindingRequirement;
import dev.outbound.spi.BindingResolver;
import dev.outbound.spi.DurableObjectDefinition;
import dev.outbound.spi.ObjectActor;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles a durable object class, loads what javac and the processor produced, activates an object
 * through the generated definition with a counting actor, and checks that public calls go through
 * the actor, one at a time, and that what they throw arrives unchanged.
 */
class DurableObjectActivationTest {

  /** Public, as the test calls their methods by reflection. */
  private static final JavaFileObject DESCRIBED =
      TestSources.source(
          "Described",
          """
          public interface Described {
              default String describe() { return "a counter"; }
          }
          """);

  private static final JavaFileObject LEDGER =
      TestSources.source(
          "Ledger",
          """
          public class Ledger {
              public int entries() { return 3; }
          }
          """);
  private static final JavaFileObject COUNTER =
      TestSources.source(
          "Counter",
          """
          @DurableObject
          public class Counter extends Ledger implements Described {
              private final DurableObjectState state;
              private final KvNamespace audit;
              private long value;
              private final long startedWith;

              @Inject
              Counter(DurableObjectState state, @Named("AUDIT") KvNamespace audit) {
                  this.state = state;
                  this.audit = audit;
                  // Runs before the stub has its actor: the call must run directly.
                  this.startedWith = get();
              }

              public long increment(int by) {
                  // Read, yield, write: calls that overlapped would lose increments.
                  long read = value;
                  Thread.yield();
                  value = read + by;
                  return value;
              }

              /** Calls another public method: through the stub, so into the actor again. */
              public long incrementTwice() {
                  increment(1);
                  return increment(1);
              }

              public long get() { return value; }

              public void reset() { value = 0; }

              public void save() throws java.io.IOException { throw new java.io.IOException("disk full"); }

              public void check() { throw new IllegalStateException("broken"); }

              public <T extends Comparable<T>> T larger(T a, T b) { return a.compareTo(b) >= 0 ? a : b; }

              public String id() { return state.id().toString(); }

              public boolean hasAudit() { return audit != null; }

              public long startedWith() { return startedWith; }

              long peek() { return value; }

              @Override
              public String toString() { return "Counter " + value; }
          }
          """);
  private static final DurableObjectId ID = DurableObjectId.parse("ab".repeat(32));

  @TempDir static Path classes;
  private static URLClassLoader loader;
  private static DurableObjectDefinition<?> definition;

  @BeforeAll
  static void compileAndLoad() throws IOException {
    Compilation compilation = TestSources.compile(COUNTER, DESCRIBED, LEDGER);
    assertThat(compilation).succeededWithoutWarnings();
    for (JavaFileObject file : compilation.generatedFiles()) {
      String name = file.toUri().getPath();
      if (name.startsWith("/CLASS_OUTPUT/")) {
        Path target = classes.resolve(name.substring("/CLASS_OUTPUT/".length()));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.copy(in, target);
        }
      }
    }
    loader =
        new URLClassLoader(
            new java.net.URL[] {classes.toUri().toURL()},
            DurableObjectActivationTest.class.getClassLoader());
    List<DurableObjectDefinition<?>> found = new ArrayList<>();
    ServiceLoader.load(DurableObjectDefinition.class, loader).forEach(found::add);
    assertThat(found).hasSize(1);
    definition = found.get(0);
  }

  @AfterAll
  static void close() throws IOException {
    loader.close();
  }

  @Test
  void serviceLoaderFindsTheDefinitionWithTheConstructorsBindings() {
    assertThat(definition.getClass().getName()).isEqualTo("com.example.Counter_DurableObject");
    assertThat(definition.objectClass().getName()).isEqualTo("com.example.Counter");
    assertThat(definition.bindings())
        .containsExactly(
            new BindingRequirement(
                "AUDIT", KvNamespace.class, "KvNamespace", "com.example.Counter(audit)"));
  }

  @Test
  void activateConstructsTheStubWithStateAndBindings() throws Exception {
    List<String> asked = new ArrayList<>();
    Object counter =
        definition.activate(
            new TestState(),
            new CountingActor(),
            new BindingResolver() {
              @Override
              public <B> B binding(String name, Class<B> type) {
                asked.add(name + ": " + type.getSimpleName());
                return type.cast(
                    Proxy.newProxyInstance(
                        loader,
                        new Class<?>[] {type},
                        (proxy, method, arguments) -> {
                          throw new UnsupportedOperationException();
                        }));
              }
            });
    assertThat(counter.getClass().getName()).isEqualTo("com.example.Counter_Stub");
    assertThat(definition.objectClass().isInstance(counter)).isTrue();
    assertThat(asked).containsExactly("AUDIT: KvNamespace");
    assertThat(call(counter, "hasAudit")).isEqualTo(true);
    assertThat(call(counter, "id")).isEqualTo(ID.toString());
  }

  @Test
  void everyPublicMethodRunsThroughTheActor() throws Exception {
    CountingActor actor = new CountingActor();
    Object counter = activate(actor);
    assertThat(call(counter, "increment", 5)).isEqualTo(5L);
    call(counter, "reset");
    assertThat(call(counter, "larger", "a", "b")).isEqualTo("b");
    assertThat(call(counter, "entries")).isEqualTo(3);
    assertThat(call(counter, "describe")).isEqualTo("a counter");
    assertThat(actor.calls).isEqualTo(5);
  }

  @Test
  void objectMethodsAndNonPublicMethodsDoNot() throws Exception {
    CountingActor actor = new CountingActor();
    Object counter = activate(actor);
    assertThat(counter.toString()).isEqualTo("Counter 0");
    Method peek = definition.objectClass().getDeclaredMethod("peek");
    peek.setAccessible(true);
    assertThat(peek.invoke(counter)).isEqualTo(0L);
    assertThat(actor.calls).isEqualTo(0);
  }

  @Test
  void callsTheConstructorMakesRunDirectly() throws Exception {
    CountingActor actor = new CountingActor();
    Object counter = activate(actor);
    assertThat(actor.calls).isEqualTo(0);
    assertThat(call(counter, "startedWith")).isEqualTo(0L);
  }

  @Test
  void aPublicMethodCallingAnotherEntersTheActorAgain() throws Exception {
    CountingActor actor = new CountingActor();
    Object counter = activate(actor);
    assertThat(call(counter, "incrementTwice")).isEqualTo(2L);
    assertThat(actor.calls).isEqualTo(3);
  }

  @Test
  void checkedAndUncheckedExceptionsArriveUnchanged() throws Exception {
    Object counter = activate(new CountingActor());
    IOException checked = assertThrows(IOException.class, () -> call(counter, "save"));
    assertThat(checked).hasMessageThat().isEqualTo("disk full");
    IllegalStateException unchecked =
        assertThrows(IllegalStateException.class, () -> call(counter, "check"));
    assertThat(unchecked).hasMessageThat().isEqualTo("broken");
  }

  @Test
  void concurrentCallsRunOneAtATime() throws Exception {
    Object counter = activate(new CountingActor());
    int threads = 8;
    int perThread = 500;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            executor.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    call(counter, "increment", 1);
                  }
                  return null;
                }));
      }
      for (Future<?> each : done) {
        each.get();
      }
    } finally {
      executor.shutdown();
    }
    assertThat(call(counter, "get")).isEqualTo((long) threads * perThread);
  }

  private static Object activate(ObjectActor actor) {
    return definition.activate(
        new TestState(),
        actor,
        new BindingResolver() {
          @Override
          public <B> B binding(String name, Class<B> type) {
            return null;
          }
        });
  }

  /** Calls a public method of the loaded class by name, rethrowing what it throws. */
  private static Object call(Object target, String name, Object... arguments) throws Exception {
    for (Method method : definition.objectClass().getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
        try {
          return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
          if (e.getCause() instanceof Exception cause) {
            throw cause;
          }
          throw e;
        }
      }
    }
    throw new NoSuchMethodException(name);
  }

  /**
   * A minimal actor: one reentrant lock per object, as a call may call the object's other public
   * methods; counts the calls and rethrows what a call throws as it is, checked exceptions
   * included.
   */
  private static final class CountingActor implements ObjectActor {

    private final ReentrantLock lock = new ReentrantLock();
    int calls;

    @Override
    public <R> R call(Callable<R> call) {
      lock.lock();
      try {
        calls++;
        return call.call();
      } catch (Exception e) {
        throw CountingActor.<RuntimeException>sneaky(e);
      } finally {
        lock.unlock();
      }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception> E sneaky(Exception e) throws E {
      throw (E) e;
    }
  }

  /** The real state lives in the runtime; these objects only need the id. */
  private static final class TestState implements DurableObjectState {

    @Override
    public DurableObjectId id() {
      return ID;
    }

    @Override
    public DurableObjectStorage storage() {
      throw new UnsupportedOperationException("no storage in this test");
    }
  }
}
