package dev.outbound.runtime.testkit;

import dev.outbound.OutboundContext;
import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;
import dev.outbound.Params;
import dev.outbound.runtime.policy.Decision;
import dev.outbound.runtime.policy.HandlerSelection;
import dev.outbound.runtime.policy.InstanceOverrides;
import dev.outbound.runtime.policy.InstancePolicy;
import dev.outbound.runtime.proxy.ContainerClass;
import dev.outbound.runtime.proxy.ContainerFault;
import dev.outbound.runtime.proxy.ProxyErrors;
import dev.outbound.spi.Route;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One container instance in the test kit: requests sent here are decided by the server's policy code
 * (SPEC §4.4) from the class's annotation and this instance's run-time overrides, and answered as the
 * proxy answers them, with these differences that make a unit test more useful:
 * <ul>
 *   <li>a handler runs on the calling thread, without a time limit;</li>
 *   <li>what a handler throws, send throws (the server would answer {@code 500} with an error id),
 *       except the failures the server blames on the container's input, which get its {@code 4xx}:
 *       a binding limit {@code 400}, a range outside the object {@code 416}, a body past its limit
 *       {@code 413};</li>
 *   <li>{@code ctx.fetch} and internet passthrough go to the kit's {@link Fetcher}, not through the
 *       egress guard.</li>
 * </ul>
 * Overrides set here live in this object only; the server keeps them in the instance's state.
 */
public final class TestContainer {

    private final ContainerClass<?> containerClass;
    private final String id;
    private final String name;
    private final ProxyErrors errors;
    private final Fetcher fetcher;
    private InstanceOverrides overrides = InstanceOverrides.NONE;
    private volatile InstancePolicy<?> policy;

    TestContainer(ContainerClass<?> containerClass, String id, String name, ProxyErrors errors, Fetcher fetcher) {
        this.containerClass = containerClass;
        this.id = id;
        this.name = name;
        this.errors = errors;
        this.fetcher = fetcher;
        this.policy = compile(overrides);
    }

    /** The instance's id: {@code ctx.containerId()}, and a valid id of its durable object. */
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The container class name, {@code @OutboundContainer(name)}. */
    public String className() {
        return containerClass.name();
    }

    /** Replaces the class's allowed hosts, as {@code PUT /v1/containers/{id}/allowed-hosts}. */
    public TestContainer allowHosts(String... patterns) {
        return change(current -> current.withAllowedHosts(Optional.of(List.of(patterns))));
    }

    /** Denies these hosts besides the class's denied hosts, as {@code PUT /v1/containers/{id}/denied-hosts}. */
    public TestContainer denyHosts(String... patterns) {
        return change(current -> current.withDeniedHosts(Optional.of(List.of(patterns))));
    }

    /**
     * Runs the {@code @OutboundHandler} {@code handler} for hosts matching {@code hostPattern}, as
     * {@code PUT /v1/containers/{id}/outbound-by-host/{pattern}}.
     *
     * @param paramsJson the handler's params as a JSON object, e.g. {@code {}}
     * @throws IllegalArgumentException for an unknown handler or params it rejects, as the admin API's 400
     */
    public TestContainer useHandler(String hostPattern, String handler, String paramsJson) {
        HandlerSelection selection = new HandlerSelection(handler, Params.parse(paramsJson));
        return change(current -> current.withHostHandler(hostPattern, selection));
    }

    /** Runs the {@code @OutboundHandler} {@code handler} as catch-all, as {@code PUT /v1/containers/{id}/outbound}. */
    public TestContainer useCatchAll(String handler, String paramsJson) {
        HandlerSelection selection = new HandlerSelection(handler, Params.parse(paramsJson));
        return change(current -> current.withCatchAll(Optional.of(selection)));
    }

    /**
     * What the container gets for the request: a handler's answer, the fetcher's answer for a request
     * passed through, or the server's denial ({@code 520}, {@code X-Outbound-Error: denied} and its JSON).
     *
     * @throws Exception whatever the handler or the fetcher threw (see the class comment)
     */
    public OutboundResponse send(OutboundRequest request) throws Exception {
        Decision decision = policy.decide(request.authority());
        if (decision instanceof Decision.Deny deny) {
            return errors.denied(request.authority(), deny.reason(), deny.rule());
        }
        OutboundResponse response;
        try {
            response = decision instanceof Decision.Handle<?> handle
                    ? invoke(containerClass, handle, request)
                    : fetcher.fetch(request);
        } catch (Exception failure) {
            return ContainerFault.of(failure).map(ContainerFault::response).orElseThrow(() -> failure);
        }
        if (response == null) {
            throw new NullPointerException("null instead of an OutboundResponse from " + decision.rule());
        }
        return response;
    }

    public OutboundResponse get(String url) throws Exception {
        return send(OutboundRequest.builder("GET", url).build());
    }

    public OutboundResponse put(String url, String body) throws Exception {
        return send(OutboundRequest.builder("PUT", url).body(body).build());
    }

    public OutboundResponse post(String url, String body) throws Exception {
        return send(OutboundRequest.builder("POST", url).body(body).build());
    }

    public OutboundResponse delete(String url) throws Exception {
        return send(OutboundRequest.builder("DELETE", url).build());
    }

    /** Compiles before storing, so a bad override throws here and leaves the policy as it was. */
    private synchronized TestContainer change(UnaryOperator<InstanceOverrides> change) {
        InstanceOverrides changed = change.apply(overrides);
        policy = compile(changed);
        overrides = changed;
        return this;
    }

    private InstancePolicy<?> compile(InstanceOverrides instanceOverrides) {
        return InstancePolicy.compile(containerClass.policy(), instanceOverrides, containerClass.routes());
    }

    @SuppressWarnings("unchecked")
    private <T> OutboundResponse invoke(ContainerClass<T> target, Decision.Handle<?> handle, OutboundRequest request)
            throws Exception {
        // The decision came from this class's own route table, so its route is a Route<T>.
        Route<T> route = ((Decision.Handle<T>) handle).route();
        OutboundContext context = new TestContext(id, name, target.name(), handle.params(), fetcher);
        return route.handler().handle(target.handler(), request, context);
    }
}
