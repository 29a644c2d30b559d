package dev.vai.export.outbox;

import dev.vai.export.AuditMetrics;
import java.time.Duration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code auditExport} health component: {@code DEGRADED} while publishing fails or the oldest waiting record is
 * older than {@link #BEHIND}, {@code UP} otherwise. Never {@code DOWN}: a broker outage delays the stream, it does not
 * stop the service, and it stays out of the readiness group.
 */
@Component("auditExport")
public class AuditExportHealth extends AbstractHealthIndicator {

    public static final Status DEGRADED = new Status("DEGRADED", "Audit records are waiting or failing to publish");
    static final Duration BEHIND = Duration.ofSeconds(60);

    private final OutboxDrainer drainer;
    private final AuditMetrics metrics;

    AuditExportHealth(OutboxDrainer drainer, AuditMetrics metrics) {
        super("Audit export health check failed");
        this.drainer = drainer;
        this.metrics = metrics;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean failing = drainer.consecutiveFailures() > 0;
        boolean behind = metrics.lagSeconds() > BEHIND.toSeconds();
        builder.status(failing || behind ? DEGRADED : Status.UP)
                .withDetail("backlogEvents", metrics.backlog())
                .withDetail("lagSeconds", metrics.lagSeconds())
                .withDetail("consecutiveFailures", drainer.consecutiveFailures());
        if (failing && drainer.lastError() != null) {
            builder.withDetail("lastError", drainer.lastError());
        }
    }
}
