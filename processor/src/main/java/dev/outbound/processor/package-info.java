/**
 * The Outbound annotation processor: for every {@code @OutboundContainer} class it generates, in
 * the class's package, {@code <Class>_OutboundRoutes} (the {@code RouteTable}), {@code
 * <Class>_Injector} (the binding manifest and constructor call) and {@code
 * <Class>_OutboundContainer} (the {@code ContainerDefinition}), and lists the definitions in {@code
 * META-INF/services/dev.outbound.spi.ContainerDefinition}. Nested classes join their simple names:
 * {@code Outer_Inner_OutboundRoutes}. Generated code uses no reflection.
 *
 * <p>For every {@code @DurableObject} class it generates {@code <Class>_Stub}, a subclass whose
 * public methods run through the object's {@code ObjectActor}, and {@code <Class>_DurableObject}
 * (the {@code DurableObjectDefinition}, whose {@code activate} creates the stub), listed in {@code
 * META-INF/services/dev.outbound.spi.DurableObjectDefinition}.
 *
 * <h2>Host lookup</h2>
 *
 * The routes are a {@code HostMatcher}: exact names and IP literals sit in a hash map, so lookup
 * costs the same for any number of exact hosts; CIDR blocks and globs are tried after them, most
 * specific first. "Most specific" is the order of {@code HostPattern.compareTo}:
 *
 * <ol>
 *   <li>an exact name or IP with a port ({@code my.kv:8080});
 *   <li>an exact name or IP without a port ({@code my.kv});
 *   <li>a CIDR block, longer prefix first ({@code 10.1.0.0/16} before {@code 10.0.0.0/8});
 *   <li>a glob, more literal (non-{@code *}) characters first ({@code *.api.example.com} before
 *       {@code *.example.com}).
 * </ol>
 *
 * Within steps 3 and 4 a pattern with a port comes before the same without; remaining ties go by
 * canonical text. Patterns are written into the generated code in canonical form ({@code MY.KV.}
 * becomes {@code my.kv}).
 *
 * <h2>Steps</h2>
 *
 * Model, validation and writing are separate packages. {@code validation} checks a class and
 * collects every problem into one report, each message on the element (and annotation value) to
 * change, saying what to write instead; a class with any error gets no generated code. {@code
 * model} turns a valid class into a {@code ContainerModel} or {@code DurableObjectModel}; {@code
 * writing} renders it through one {@code SourceFileGenerator} template that adds {@code @Generated}
 * and the annotated class as originating element. A class that refers to a type not generated yet
 * (by another processor) waits for the round that has it.
 *
 * <h2>Decisions</h2>
 *
 * <ul>
 *   <li>Handler methods must be instance methods: they run on the one handler instance, which holds
 *       the bindings.
 *   <li>{@code @Outbound} may be combined with {@code @OutboundHost}: the method then also serves
 *       those hosts ahead of a catch-all set at run time (SPEC §4.4 step 4 before step 5).
 *       {@code @OutboundHandler} combines with neither: a named handler only serves once the admin
 *       API selects it.
 *   <li>Handler methods must be declared in the container class itself; handler annotations
 *       anywhere else are an error rather than silently ignored.
 *   <li>A params record component of primitive type is required (absent is an error when the params
 *       are set); boxed types, {@code String} may be absent and are {@code null}; lists and maps
 *       are empty. A named handler without a params parameter accepts any params.
 *   <li>The {@code @Inject} constructor must not throw checked exceptions.
 *   <li>A durable object's stub routes every public instance method callable on the object,
 *       inherited and interface default methods included, except those of {@code Object} (the
 *       runtime's collections and logging call them). A final one is an error: it would bypass the
 *       actor. The stub needs {@code ObjectActor.call} to rethrow checked exceptions as they are
 *       and to be reentrant, as an object's public methods may call each other; calls the
 *       constructor makes run directly, before the stub has its actor.
 *   <li>The services files are written once, after the last round, listing every definition
 *       generated in this compilation. The processor is aggregating for Gradle, which reprocesses
 *       all annotated classes when one changes, so it does not merge an earlier file.
 * </ul>
 */
package dev.outbound.processor;
