package dev.outbound.runtime.proxy;

import dev.outbound.OutboundRequest;
import dev.outbound.host.Authority;
import dev.outbound.runtime.identity.ContainerInstance;
import dev.outbound.runtime.log.EgressLog;
import dev.outbound.runtime.log.EgressRecord;
import java.time.Instant;

/**
 * Writes one egress record per attributed request and keeps the metrics (SPEC §6). Requests that
 * prove no identity are only counted: with no container to attribute them to, a record would let
 * anyone who can reach the port fill the log.
 */
public final class EgressRecorder {

    private final EgressLog log;
    private final ProxyMetrics metrics;

    public EgressRecorder(EgressLog log, ProxyMetrics metrics) {
        this.log = log;
        this.metrics = metrics;
    }

    void record(ContainerInstance instance, OutboundRequest request, Outcome outcome, int status,
            long requestBytes, long responseBytes, long durationNanos) {
        record(instance, request.method(), request.scheme(), request.authority(), request.path(), outcome.decision(),
                outcome.rule(), status, requestBytes, responseBytes, durationNanos, outcome.errorId());
    }

    /**
     * The record of one {@code CONNECT}, written when it is answered or, for a tunnel, when the tunnel ends,
     * so that it carries the bytes each way and how long the tunnel was open.
     *
     * @param decision {@code denied}, {@code internet} (a plain tunnel), {@code intercepted} or {@code error}
     */
    public void connect(ContainerInstance instance, Authority authority, String decision, String rule, int status,
            long bytesFromContainer, long bytesToContainer, long durationNanos) {
        record(instance, "CONNECT", "https", authority, "", decision, rule, status, bytesFromContainer,
                bytesToContainer, durationNanos, null);
    }

    private void record(ContainerInstance instance, String method, String scheme, Authority authority, String path,
            String decision, String rule, int status, long requestBytes, long responseBytes, long durationNanos,
            String errorId) {
        log.record(new EgressRecord(Instant.now(), instance.id(), instance.className(), method, scheme,
                authority.host(), authority.port(), path, decision, rule, status, requestBytes, responseBytes,
                durationNanos / 1000, errorId));
        metrics.request(instance.className(), decision, durationNanos);
        if (Outcome.DENIED.equals(decision)) {
            metrics.denial(instance.className(), rule);
        }
    }

    /** Counts a request or CONNECT that proved no identity. */
    public void unattributed(String reason) {
        metrics.unattributed(reason);
    }
}
