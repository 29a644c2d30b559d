package dev.vai.projection.token;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code vai_tokens_active}: tokens neither revoked nor expired, across all owners. Counted in the background every
 * {@code vai.metrics.active-tokens-refresh} (30 s; expiry moves the figure without any event, so it cannot simply
 * follow the events); a scrape only reads the last count and never touches the database.
 */
@Component
class ActiveTokensGauge {

    private final AtomicLong active = new AtomicLong();
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ScheduledFuture<?> counting;

    @PersistenceContext
    private EntityManager entityManager;

    ActiveTokensGauge(MeterRegistry registry, PlatformTransactionManager transactionManager, Clock clock,
            TaskScheduler scheduler, @Value("${vai.metrics.active-tokens-refresh:30s}") Duration refresh) {
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setReadOnly(true);
        this.clock = clock;
        Gauge.builder("vai.tokens.active", active, AtomicLong::get)
                .description("Tokens neither revoked nor expired (counted every " + refresh.toSeconds() + " s)")
                .register(registry);
        counting = scheduler.scheduleWithFixedDelay(this::countQuietly,
                Instant.now().plusMillis(Math.min(5_000, refresh.toMillis())), refresh);
    }

    private void countQuietly() {
        try {
            Long count = transaction.execute(status -> entityManager.createQuery(
                            "select count(t) from TokenViewEntity t where t.revokedAt is null"
                                    + " and (t.expiresAt is null or t.expiresAt > :now)", Long.class)
                    .setParameter("now", clock.instant())
                    .getSingleResult());
            if (count != null) {
                active.set(count);
            }
        } catch (RuntimeException e) {
            // the database is unreachable: keep the last count; readiness and the database gauge say why
        }
    }

    @PreDestroy
    void stop() {
        counting.cancel(true);
    }
}
