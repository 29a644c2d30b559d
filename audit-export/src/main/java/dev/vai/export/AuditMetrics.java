package dev.vai.export;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The exporter's figures, with low-cardinality labels only (never a token, prefix or owner):
 * <ul>
 *   <li>{@code vai_audit_export_events_total{type, result}}: records published ({@code success}) or not
 *       ({@code failure});</li>
 *   <li>{@code vai_audit_export_send_seconds}: from send to the broker's acknowledgement, per record;</li>
 *   <li>{@code vai_audit_export_backlog_events}: events written but not yet acknowledged by the broker;</li>
 *   <li>{@code vai_audit_export_lag_seconds}: age of the oldest of them (0 when there is none);</li>
 *   <li>{@code vai_audit_export_last_success_timestamp_seconds}: when a record was last acknowledged.</li>
 * </ul>
 */
@Component
public class AuditMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Timer send;
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicReference<Instant> oldest = new AtomicReference<>();
    private final AtomicLong lastSuccessMillis = new AtomicLong();

    public AuditMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.send = Timer.builder("vai.audit.export.send")
                .description("Time from sending an audit record to the broker's acknowledgement")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        Gauge.builder("vai.audit.export.backlog", backlog, AtomicLong::get)
                .description("Audit events written but not yet acknowledged by the broker")
                .baseUnit("events")
                .register(registry);
        Gauge.builder("vai.audit.export.lag", this, AuditMetrics::lagSeconds)
                .description("Age of the oldest audit event not yet acknowledged by the broker")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("vai.audit.export.last.success.timestamp", lastSuccessMillis, millis -> millis.get() / 1000.0)
                .description("When the broker last acknowledged an audit record (Unix time)")
                .baseUnit("seconds")
                .register(registry);
        for (String type : new String[] {"issued", "revoked"}) {
            counter(type, "success");
            counter(type, "failure");
        }
    }

    public void sent(String type, long nanos) {
        send.record(nanos, TimeUnit.NANOSECONDS);
        counter(type, "success").increment();
        lastSuccessMillis.set(clock.millis());
    }

    public void failed(String type) {
        counter(type, "failure").increment();
    }

    /** The outbox as last measured: how many records wait, and since when the oldest. */
    public void backlog(long events, Instant oldestOccurredAt) {
        backlog.set(events);
        oldest.set(events == 0 ? null : oldestOccurredAt);
    }

    public long backlog() {
        return backlog.get();
    }

    public double lagSeconds() {
        Instant since = oldest.get();
        return since == null ? 0 : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }

    private Counter counter(String type, String result) {
        return counters.computeIfAbsent(type + "/" + result, key -> Counter.builder("vai.audit.export.events")
                .description("Audit records published to Kafka, by event type and result")
                .tag("type", type)
                .tag("result", result)
                .register(registry));
    }
}
