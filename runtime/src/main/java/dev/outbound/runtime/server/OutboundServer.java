package dev.outbound.runtime.server;

import dev.outbound.runtime.admin.AdminService;
import dev.outbound.runtime.admin.AdminToken;
import dev.outbound.runtime.binding.BindingTypes;
import dev.outbound.runtime.binding.ConfiguredBindings;
import dev.outbound.runtime.config.ConfigProblems;
import dev.outbound.runtime.config.OutboundConfig;
import dev.outbound.runtime.connect.HttpsConnect;
import dev.outbound.runtime.egress.EgressGuard;
import dev.outbound.runtime.egress.ForwarderSettings;
import dev.outbound.runtime.egress.HttpForwarder;
import dev.outbound.runtime.egress.ProxyListeners;
import dev.outbound.runtime.egress.Resolver;
import dev.outbound.runtime.identity.ContainerRegistry;
import dev.outbound.runtime.log.EgressLog;
import dev.outbound.runtime.metrics.JvmMetrics;
import dev.outbound.runtime.metrics.MetricsEndpoint;
import dev.outbound.runtime.metrics.MetricsSource;
import dev.outbound.runtime.policy.OverridesStore;
import dev.outbound.runtime.proxy.ContainerClass;
import dev.outbound.runtime.proxy.EgressRecorder;
import dev.outbound.runtime.proxy.InstancePolicies;
import dev.outbound.runtime.proxy.Passthrough;
import dev.outbound.runtime.proxy.Proxy;
import dev.outbound.runtime.proxy.ProxyCredentials;
import dev.outbound.runtime.proxy.ProxyErrors;
import dev.outbound.runtime.proxy.ProxyMetrics;
import dev.outbound.runtime.tls.CertificateAuthority;
import dev.outbound.runtime.tls.InterceptingSslContext;
import dev.outbound.runtime.tls.LeafCertificates;
import dev.outbound.spi.ContainerDefinition;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Outbound server: a proxy listener for containers and an admin listener for the operator, both
 * on Helidon WebServer with a virtual thread per connection. Programs that embed it build one from
 * an {@link OutboundConfig}, {@link #start()} it, manage containers through {@link #admin()}, and
 * {@link #stop()} it.
 */
public final class OutboundServer {

  /** The admin listener's socket name in the Helidon server. */
  public static final String ADMIN_SOCKET = "admin";

  private static final System.Logger LOG = System.getLogger(OutboundServer.class.getName());
  private static final int RECENT_RECORDS_PER_CONTAINER = 1000;
  // a client that opens an intercepted tunnel and never speaks TLS holds it this long at most
  private static final Duration TLS_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

  private final OutboundConfig config;
  private final ClassLoader classLoader;
  private final BindingTypes bindingTypes;
  private final Resolver resolver;

  private WebServer webServer;
  private Proxy proxy;
  private InstanceListeners instanceListeners;
  private HttpForwarder forwarder;
  private EgressLog egressLog;
  private ConfiguredBindings bindings;
  private MetricsEndpoint metrics;
  private Admin admin;
  private List<String> classNames;

  private OutboundServer(Builder builder) {
    this.config = builder.config;
    this.classLoader = builder.classLoader;
    this.bindingTypes = builder.bindingTypes;
    this.resolver = builder.resolver;
  }

  public static Builder builder(OutboundConfig config) {
    return new Builder(config);
  }

  /**
   * Checks the configuration against the container classes on the class path, then starts both
   * listeners.
   *
   * @throws dev.outbound.runtime.config.InvalidConfigException listing every problem, one per line
   * @throws UncheckedIOException when the data directory cannot be used
   */
  public synchronized OutboundServer start() {
    if (webServer != null) {
      throw new IllegalStateException("already started");
    }
    Path dataDir = config.dataDir();
    try {
      Files.createDirectories(dataDir);
      CertificateAuthority.Loading caLoading = CertificateAuthority.startLoading(dataDir);
      ConfigProblems problems = new ConfigProblems();
      List<ContainerDefinition<?>> definitions =
          ContainerClassLoader.discover(classLoader, problems);
      checkClassNames(definitions, problems);
      bindings =
          ConfiguredBindings.create(
              config.bindings(), bindingTypes, dataDir, classLoader, problems);
      bindings.check(definitions, config.bindings(), problems);
      problems.throwIfAny();
      Map<String, ContainerClass<?>> classes =
          ContainerClassLoader.build(definitions, config.classes(), bindings, problems);
      problems.throwIfAny();
      classNames = classes.keySet().stream().sorted().toList();

      ContainerRegistry registry = ContainerRegistry.open(dataDir);
      OverridesStore overrides = OverridesStore.open(dataDir);
      egressLog = EgressLog.open(dataDir.resolve("egress.log"), RECENT_RECORDS_PER_CONTAINER);
      AdminToken token = AdminToken.loadOrCreate(dataDir);

      ProxyListeners ownListeners = ProxyListeners.none();
      ForwarderSettings forwarding =
          ForwarderSettings.defaults().withTrustedCertificates(config.extraTrustedCertificates());
      forwarder = new HttpForwarder(forwarding);
      EgressGuard guard = new EgressGuard(resolver, ownListeners);
      Passthrough passthrough = new Passthrough(guard, forwarder);
      InstancePolicies policies = new InstancePolicies(classes, overrides);
      ProxyMetrics proxyMetrics = new ProxyMetrics();
      metrics =
          new MetricsEndpoint(List.of(proxyMetrics, egressLogMetrics(egressLog), new JvmMetrics()));
      EgressRecorder recorder = new EgressRecorder(egressLog, proxyMetrics);
      CertificateAuthority ca = caLoading.get();
      HttpsConnect https =
          new HttpsConnect(
              policies,
              guard,
              new InterceptingSslContext(new LeafCertificates(ca), TLS_HANDSHAKE_TIMEOUT),
              recorder,
              new ProxyErrors(config.denialStatus()),
              config.limits().maxHeaderBytes(),
              forwarding.connectTimeout());
      proxy =
          new Proxy(
              policies,
              passthrough,
              recorder,
              config.limits(),
              config.denialStatus(),
              https::selector);
      instanceListeners =
          new InstanceListeners(proxy, registry, ownListeners, config.shutdownGrace());
      admin =
          new Admin(
              registry,
              overrides,
              policies,
              egressLog,
              instanceListeners,
              urlHost(config.proxy().host()),
              this::proxyPort,
              ca.caCertPem());

      webServer = webServer(registry, new AdminService(admin, token)).start();
      ownListeners.add(new InetSocketAddress(config.proxy().host(), proxyPort()));
      ownListeners.add(new InetSocketAddress(config.admin().host(), adminPort()));
    } catch (IOException e) {
      closeResources();
      throw new UncheckedIOException(
          "cannot use data directory " + dataDir + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeResources();
      throw e;
    }
    LOG.log(System.Logger.Level.INFO, startLine());
    return this;
  }

  private WebServer webServer(ContainerRegistry registry, AdminService adminService) {
    WebServerConfig.Builder builder =
        WebServer.builder()
            .shutdownHook(false)
            .host(config.proxy().host())
            .port(config.proxy().port())
            .shutdownGracePeriod(config.shutdownGrace());
    proxy.configure(builder, new ProxyCredentials(registry));
    builder.putSocket(
        ADMIN_SOCKET,
        socket ->
            socket
                .host(config.admin().host())
                .port(config.admin().port())
                .shutdownGracePeriod(config.shutdownGrace())
                .routing(
                    adminService.mount(HttpRouting.builder()).get("/observe/metrics", metrics)));
    builder.addFeature(
        ObserveFeature.builder()
            .sockets(List.of(ADMIN_SOCKET))
            .addObserver(HealthObserver.create())
            .build());
    return builder.build();
  }

  /**
   * Stops taking connections, lets in-flight requests finish within the shutdown grace, then
   * closes.
   */
  public synchronized void stop() {
    if (webServer == null) {
      return;
    }
    instanceListeners.closeAll();
    webServer.stop();
    webServer = null;
    closeResources();
    LOG.log(System.Logger.Level.INFO, "outbound: stopped");
  }

  public synchronized boolean isRunning() {
    return webServer != null && webServer.isRunning();
  }

  /** The proxy listener's port (useful when configured as 0). */
  public int proxyPort() {
    return running().port();
  }

  public int adminPort() {
    return running().port(ADMIN_SOCKET);
  }

  /** The admin operations, the same as the admin HTTP API offers. */
  public Admin admin() {
    running();
    return admin;
  }

  /** Names of the container classes this server serves, sorted. */
  public List<String> containerClasses() {
    running();
    return classNames;
  }

  /** The one line that says what started where. */
  public String startLine() {
    return "outbound: proxy listening on "
        + config.proxy().host()
        + ":"
        + proxyPort()
        + ", admin on "
        + config.admin().host()
        + ":"
        + adminPort()
        + ", data dir "
        + config.dataDir().toAbsolutePath()
        + ", classes: "
        + (classNames.isEmpty() ? "(none)" : String.join(", ", classNames));
  }

  public OutboundConfig config() {
    return config;
  }

  private synchronized WebServer running() {
    if (webServer == null) {
      throw new IllegalStateException("the server is not running");
    }
    return webServer;
  }

  private void checkClassNames(List<ContainerDefinition<?>> definitions, ConfigProblems problems) {
    List<String> loaded = definitions.stream().map(ContainerDefinition::name).sorted().toList();
    for (String configured : config.classes().keySet()) {
      if (!loaded.contains(configured)) {
        problems.add(
            "outbound.classes."
                + configured
                + ": no container class "
                + configured
                + " on the class path; loaded: "
                + (loaded.isEmpty() ? "(none)" : String.join(", ", loaded)));
      }
    }
  }

  private void closeResources() {
    if (proxy != null) {
      proxy.close();
    }
    if (forwarder != null) {
      forwarder.close();
    }
    if (egressLog != null) {
      egressLog.close();
    }
    if (bindings != null) {
      bindings.close();
    }
  }

  /** Records the egress log could not keep: a full queue or a failing disk. */
  private static MetricsSource egressLogMetrics(EgressLog log) {
    return out -> {
      out.family(
          "outbound_egress_log_dropped_total",
          "counter",
          "Egress records that did not reach the log file.");
      out.sample("outbound_egress_log_dropped_total", new String[0], log.dropped());
    };
  }

  /** The host as a proxy URL names it: wildcard binds are reached on loopback, IPv6 in brackets. */
  private static String urlHost(String host) {
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      return OutboundConfig.LOOPBACK;
    }
    return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** Builds an {@link OutboundServer}. */
  public static final class Builder {

    private final OutboundConfig config;
    private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
    private BindingTypes bindingTypes = BindingTypes.standard();
    private Resolver resolver = Resolver.system();

    private Builder(OutboundConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    /** Where to look for generated container definitions; the context class loader by default. */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = classLoader;
      return this;
    }

    /** The binding types configuration may name; {@link BindingTypes#standard()} by default. */
    public Builder bindingTypes(BindingTypes bindingTypes) {
      this.bindingTypes = bindingTypes;
      return this;
    }

    /** How the egress guard resolves names; the JVM's resolver by default. */
    public Builder resolver(Resolver resolver) {
      this.resolver = resolver;
      return this;
    }

    public OutboundServer build() {
      return new OutboundServer(this);
    }
  }
}
