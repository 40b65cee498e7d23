package dev.outbound.runtime.server;

import dev.outbound.runtime.identity.ContainerInstance;
import dev.outbound.runtime.identity.ContainerRegistry;
import dev.outbound.runtime.identity.Registration;
import dev.outbound.runtime.log.EgressLog;
import dev.outbound.runtime.log.EgressRecord;
import dev.outbound.runtime.policy.HandlerSelection;
import dev.outbound.runtime.policy.InstanceOverrides;
import dev.outbound.runtime.policy.OverridesStore;
import dev.outbound.runtime.proxy.ContainerClass;
import dev.outbound.runtime.proxy.InstancePolicies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;

/**
 * The admin operations (SPEC §4.8) for programs that embed the server; the admin HTTP API is a thin
 * layer over this. Run-time policy changes are checked by compiling them before they are stored, take
 * effect on the next request, and survive a restart.
 */
public final class Admin {

    private final ContainerRegistry registry;
    private final OverridesStore overrides;
    private final InstancePolicies policies;
    private final EgressLog egressLog;
    private final String proxyHost;
    private final IntSupplier proxyPort;
    private final String caCertPem;

    private final InstanceListeners instanceListeners;

    Admin(ContainerRegistry registry, OverridesStore overrides, InstancePolicies policies, EgressLog egressLog,
            InstanceListeners instanceListeners, String proxyHost, IntSupplier proxyPort, String caCertPem) {
        this.registry = registry;
        this.overrides = overrides;
        this.policies = policies;
        this.egressLog = egressLog;
        this.instanceListeners = instanceListeners;
        this.proxyHost = proxyHost;
        this.proxyPort = proxyPort;
        this.caCertPem = caCertPem;
    }

    /**
     * Registers an instance of a loaded container class.
     *
     * @param name optional; must be unique among registered instances
     */
    public CreatedContainer create(String className, String name) {
        if (className == null || policies.containerClass(className).isEmpty()) {
            throw new AdminException(AdminException.Kind.INVALID, "unknown container class " + className
                    + "; loaded classes: " + String.join(", ", policies.classNames()));
        }
        Registration registration;
        try {
            registration = registry.register(className, name);
        } catch (IllegalStateException e) {
            throw new AdminException(AdminException.Kind.CONFLICT, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new AdminException(AdminException.Kind.INVALID, e.getMessage());
        }
        ContainerInstance instance = registration.instance();
        String proxyUrl = "http://" + instance.id() + ":" + registration.token() + "@" + proxyHost + ":" + proxyPort.getAsInt();
        return new CreatedContainer(instance, registration.token(), proxyUrl, caCertPem);
    }

    /**
     * The installation's CA certificate (PEM), which signs the leaves of intercepted HTTPS: containers
     * trust it. A sandbox launcher writes it with {@link dev.outbound.runtime.tls.TrustBundle} and points
     * {@code SSL_CERT_FILE}, {@code CURL_CA_BUNDLE}, {@code REQUESTS_CA_BUNDLE}, {@code GIT_SSL_CAINFO} at the
     * bundle and {@code NODE_EXTRA_CA_CERTS} at the CA file (SPEC §4.7).
     */
    public String caCertPem() {
        return caCertPem;
    }

    public List<ContainerInstance> list() {
        return registry.list();
    }

    public ContainerInstance get(String id) {
        return registry.get(id).orElseThrow(() -> notFound(id));
    }

    /**
     * Opens a listener that belongs to this instance: requests on it are the instance's without
     * credentials, in absolute or origin form. Give it a {@link java.net.UnixDomainSocketAddress} to mount
     * into the instance's sandbox, or a loopback {@link java.net.InetSocketAddress} (port 0 picks one).
     * It closes when the instance is deleted or the server stops.
     *
     * @return where it listens
     */
    public SocketAddress openListener(String id, SocketAddress address) {
        get(id);
        return instanceListeners.open(id, address);
    }

    /** Deregisters an instance: its credentials and listener stop working, its run-time overrides are dropped. */
    public void delete(String id) {
        synchronized (this) {
            if (!registry.delete(id)) {
                throw notFound(id);
            }
            instanceListeners.close(id);
            try {
                overrides.delete(id);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot drop the overrides of container " + id, e);
            }
            policies.forget(id);
            egressLog.forget(id);
        }
    }

    /** The instance's run-time overrides ({@link InstanceOverrides#NONE} when it has none). */
    public InstanceOverrides overrides(String id) {
        get(id);
        return overrides.get(id);
    }

    /** Replaces the instance's allow list (an empty list denies every host). */
    public void setAllowedHosts(String id, List<String> patterns) {
        update(id, o -> o.withAllowedHosts(Optional.of(patterns)));
    }

    public void clearAllowedHosts(String id) {
        update(id, o -> o.withAllowedHosts(Optional.empty()));
    }

    /** Sets hosts the instance is denied on top of its class's denials. */
    public void setDeniedHosts(String id, List<String> patterns) {
        update(id, o -> o.withDeniedHosts(Optional.of(patterns)));
    }

    public void clearDeniedHosts(String id) {
        update(id, o -> o.withDeniedHosts(Optional.empty()));
    }

    /** Selects a named handler ({@code @OutboundHandler}) as the instance's catch-all. */
    public void setOutbound(String id, HandlerSelection selection) {
        update(id, o -> o.withCatchAll(Optional.of(selection)));
    }

    public void clearOutbound(String id) {
        update(id, o -> o.withCatchAll(Optional.empty()));
    }

    /** Selects a named handler for the hosts a pattern matches. */
    public void setOutboundForHost(String id, String pattern, HandlerSelection selection) {
        update(id, o -> o.withHostHandler(pattern, selection));
    }

    public void clearOutboundForHost(String id, String pattern) {
        update(id, o -> {
            InstanceOverrides changed = o.withoutHostHandler(pattern);
            if (changed.byHost().size() == o.byHost().size()) {
                throw new AdminException(AdminException.Kind.NOT_FOUND,
                        "container " + id + " has no handler set for " + pattern);
            }
            return changed;
        });
    }

    /** The instance's most recent egress records, oldest first. */
    public List<EgressRecord> egress(String id, int limit) {
        get(id);
        if (limit < 1) {
            throw new AdminException(AdminException.Kind.INVALID, "limit must be at least 1");
        }
        return egressLog.recent(id, limit);
    }

    /** Compiles the changed overrides first, so that nothing invalid is ever stored. */
    private synchronized void update(String id, UnaryOperator<InstanceOverrides> change) {
        ContainerInstance instance = get(id);
        ContainerClass<?> containerClass = policies.containerClass(instance.className())
                .orElseThrow(() -> new AdminException(AdminException.Kind.CONFLICT,
                        "container class " + instance.className() + " is not loaded in this server"));
        InstancePolicies.Compiled<?> compiled;
        InstanceOverrides changed;
        try {
            changed = change.apply(overrides.get(id));
            compiled = InstancePolicies.compile(containerClass, changed);
        } catch (IllegalArgumentException e) {
            throw new AdminException(AdminException.Kind.INVALID, e.getMessage());
        }
        try {
            overrides.put(id, changed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the overrides of container " + id, e);
        }
        policies.install(id, compiled);
    }

    private static AdminException notFound(String id) {
        return new AdminException(AdminException.Kind.NOT_FOUND, "no container " + id);
    }
}
