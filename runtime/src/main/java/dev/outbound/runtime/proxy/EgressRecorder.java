package dev.outbound.runtime.proxy;

import dev.outbound.OutboundRequest;
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
        long micros = durationNanos / 1000;
        log.record(new EgressRecord(Instant.now(), instance.id(), instance.className(), request.method(),
                request.scheme(), request.host(), request.port(), request.path(), outcome.decision(), outcome.rule(),
                status, requestBytes, responseBytes, micros, outcome.errorId()));
        metrics.request(instance.className(), outcome.decision(), durationNanos);
        if (Outcome.DENIED.equals(outcome.decision())) {
            metrics.denial(instance.className(), outcome.rule());
        }
    }

    void unattributed(String reason) {
        metrics.unattributed(reason);
    }
}
