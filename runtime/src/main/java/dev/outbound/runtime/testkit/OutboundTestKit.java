package dev.outbound.runtime.testkit;

import dev.outbound.binding.KvNamespace;
import dev.outbound.binding.ObjectBucket;
import dev.outbound.runtime.binding.BindingTypes;
import dev.outbound.runtime.binding.ConfiguredBindings;
import dev.outbound.runtime.config.ConfigProblems;
import dev.outbound.runtime.config.InvalidConfigException;
import dev.outbound.runtime.config.OutboundConfig;
import dev.outbound.runtime.identity.ContainerIds;
import dev.outbound.runtime.proxy.ContainerClass;
import dev.outbound.runtime.proxy.ProxyErrors;
import dev.outbound.runtime.server.ContainerClassLoader;
import dev.outbound.spi.ContainerDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Runs container classes without a server, for unit tests of handlers (what Miniflare is for Workers).
 * Bindings are the embedded ones the server makes, by the same factories, under a data directory the
 * kit creates and deletes unless the test gives one. Container classes are found through
 * {@link java.util.ServiceLoader}, as the server finds them, and each is built once, on first use, with
 * its bindings; a request sent to a {@link TestContainer} goes through the server's policy (SPEC §4.4).
 *
 * <pre>{@code
 * try (OutboundTestKit kit = OutboundTestKit.builder().kv("KV").bucket("BUCKET").build()) {
 *     TestContainer app = kit.container(MyApp.class);
 *     app.put("http://my.kv/greeting", "hello");
 *     assertEquals("hello", kit.kv("KV").getText("greeting").orElseThrow());
 * }
 * }</pre>
 */
public final class OutboundTestKit implements AutoCloseable {

    /** The instance name of {@link #container(Class)}: its id is the same in every kit. */
    public static final String DEFAULT_INSTANCE_NAME = "test";

    private final Path dataDir;
    private final boolean ownsDataDir;
    private final ConfiguredBindings bindings;
    private final List<ContainerDefinition<?>> definitions;
    private final Fetcher fetcher;
    private final ProxyErrors errors = new ProxyErrors(OutboundConfig.DEFAULT_DENIAL_STATUS);
    private final Map<String, ContainerClass<?>> built = new ConcurrentHashMap<>();

    private OutboundTestKit(Path dataDir, boolean ownsDataDir, ConfiguredBindings bindings,
            List<ContainerDefinition<?>> definitions, Fetcher fetcher) {
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        this.bindings = bindings;
        this.definitions = definitions;
        this.fetcher = fetcher;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The instance {@value #DEFAULT_INSTANCE_NAME} of the container class written as {@code handlerClass}. */
    public TestContainer container(Class<?> handlerClass) {
        return container(handlerClass, DEFAULT_INSTANCE_NAME);
    }

    /**
     * The instance {@code name} of the class: its id is derived from the class and the name as the
     * server derives a named instance's id, so the same name finds the same durable state.
     */
    public TestContainer container(Class<?> handlerClass, String name) {
        return container(definition(d -> d.handlerClass().equals(handlerClass), handlerClass.getName()), name);
    }

    /** The instance {@value #DEFAULT_INSTANCE_NAME} of the container class {@code className} ({@code @OutboundContainer(name)}). */
    public TestContainer container(String className) {
        return container(className, DEFAULT_INSTANCE_NAME);
    }

    public TestContainer container(String className, String name) {
        return container(definition(d -> d.name().equals(className), className), name);
    }

    public KvNamespace kv(String name) {
        return binding(name, KvNamespace.class);
    }

    public ObjectBucket bucket(String name) {
        return binding(name, ObjectBucket.class);
    }

    /**
     * A binding declared in the builder, for setting up and checking what handlers store.
     *
     * @throws IllegalStateException when it was not declared or is of another type
     */
    public <B> B binding(String name, Class<B> type) {
        return bindings.binding(name, type);
    }

    /** Where the bindings keep their files. */
    public Path dataDir() {
        return dataDir;
    }

    /** Closes the bindings, then deletes the data directory if the kit created it. */
    @Override
    public void close() {
        bindings.close();
        if (ownsDataDir) {
            deleteRecursively(dataDir);
        }
    }

    private TestContainer container(ContainerDefinition<?> definition, String name) {
        Objects.requireNonNull(name, "name");
        ContainerClass<?> containerClass = built.computeIfAbsent(definition.name(), className -> build(definition));
        return new TestContainer(containerClass, ContainerIds.named(containerClass.name(), name), name, errors,
                fetcher);
    }

    private ContainerDefinition<?> definition(Predicate<ContainerDefinition<?>> matches, String wanted) {
        return definitions.stream().filter(matches).findFirst().orElseThrow(() -> new IllegalArgumentException(
                wanted + " is not a container class on the class path; found: " + definitions.stream()
                        .map(d -> d.name() + " (" + d.handlerClass().getName() + ")").sorted().toList()
                        + ". Does the annotation processor run on the sources that declare it?"));
    }

    /** Builds the handler as the server does, after a check that says which builder call a binding needs. */
    private ContainerClass<?> build(ContainerDefinition<?> definition) {
        List<String> missing = MissingBindings.of(definition, bindings);
        if (!missing.isEmpty()) {
            throw new InvalidConfigException(missing);
        }
        ConfigProblems problems = new ConfigProblems();
        Map<String, ContainerClass<?>> classes =
                ContainerClassLoader.build(List.of(definition), Map.of(), bindings, problems);
        problems.throwIfAny();
        return classes.get(definition.name());
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the test kit's data directory " + directory, e);
        }
    }

    /** Declares the bindings and where they live. */
    public static final class Builder {

        private final BindingDeclarations declarations = new BindingDeclarations();
        private Path dataDir;
        private Fetcher fetcher = Fetcher.NO_NETWORK;

        private Builder() {
        }

        /** Keeps the bindings' files there, and leaves them after {@link #close()}; a temporary directory by default. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            return this;
        }

        /** A KV namespace in an SQLite file, as {@code type: kv}. */
        public Builder kv(String name) {
            declarations.add(name, Map.of("type", "kv"));
            return this;
        }

        /** An object bucket in a directory, as {@code type: bucket}. */
        public Builder bucket(String name) {
            declarations.add(name, Map.of("type", "bucket"));
            return this;
        }

        /** A namespace of objects of a {@code @DurableObject} class, one SQLite file each, as {@code type: durable-object}. */
        public Builder durableObject(String name, Class<?> objectClass) {
            declarations.add(name, Map.of("type", "durable-object", "class", objectClass.getName()));
            return this;
        }

        /** A secret with this value, read by the secret binding from a file the kit writes in the data directory. */
        public Builder secret(String name, String value) {
            declarations.addSecret(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Answers what handlers pass on and what the policy passes through; {@link Fetcher#NO_NETWORK} by default. */
        public Builder fetcher(Fetcher fetcher) {
            this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
            return this;
        }

        /**
         * Opens every declared binding and finds the container classes.
         *
         * @throws InvalidConfigException with one line per binding that cannot be made, or per two
         *                                container classes with one name
         */
        public OutboundTestKit build() {
            boolean ownsDataDir = dataDir == null;
            Path directory = ownsDataDir ? temporaryDirectory() : created(dataDir);
            try {
                return open(directory, ownsDataDir);
            } catch (RuntimeException e) {
                if (ownsDataDir) {
                    deleteRecursively(directory);
                }
                throw e;
            }
        }

        private OutboundTestKit open(Path directory, boolean ownsDataDir) {
            ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
            ConfigProblems problems = new ConfigProblems();
            List<ContainerDefinition<?>> definitions = ContainerClassLoader.discover(classLoader, problems);
            ConfiguredBindings bindings = ConfiguredBindings.create(declarations.configNodes(directory),
                    BindingTypes.standard(), directory, classLoader, problems);
            if (!problems.isEmpty()) {
                bindings.close();
                problems.throwIfAny();
            }
            return new OutboundTestKit(directory, ownsDataDir, bindings, definitions, fetcher);
        }

        private static Path created(Path directory) {
            try {
                return Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data directory " + directory, e);
            }
        }

        private static Path temporaryDirectory() {
            try {
                return Files.createTempDirectory("outbound-test-kit-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
