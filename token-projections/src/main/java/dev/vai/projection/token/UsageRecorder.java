package dev.vai.projection.token;

import dev.vai.token.AccessTokenId;
import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves {@code lastUsedAt} without an event per request and without a write per request. A use is queued only when
 * the stored value is unset or at least {@link #RESOLUTION} old, and the queue is written every
 * {@link #FLUSH_INTERVAL}: the first use shows within a second, later uses move the value at most once a minute. The
 * update's own condition keeps several instances from moving it more often or backwards.
 */
@Component
public class UsageRecorder {

    public static final Duration RESOLUTION = Duration.ofMinutes(1);
    static final Duration FLUSH_INTERVAL = Duration.ofMillis(500);
    private static final int MAX_PENDING = 100_000;
    private static final Logger log = LoggerFactory.getLogger(UsageRecorder.class);

    private final Map<AccessTokenId, Instant> pending = new ConcurrentHashMap<>();
    private final TransactionTemplate transaction;
    private final ScheduledFuture<?> flushing;

    @PersistenceContext
    private EntityManager entityManager;

    UsageRecorder(PlatformTransactionManager transactionManager, TaskScheduler scheduler) {
        this.transaction = new TransactionTemplate(transactionManager);
        this.flushing = scheduler.scheduleWithFixedDelay(this::flushQuietly, Instant.now().plus(FLUSH_INTERVAL),
                FLUSH_INTERVAL);
    }

    /** Notes a successful use at {@code now} of a token whose stored {@code lastUsedAt} is {@code stored}. */
    public void recordUse(AccessTokenId tokenId, Instant stored, Instant now) {
        if (stored != null && now.isBefore(stored.plus(RESOLUTION))) {
            return;
        }
        if (pending.size() >= MAX_PENDING && !pending.containsKey(tokenId)) {
            return; // a usage time is best effort; memory is not
        }
        pending.merge(tokenId, now, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Writes the queued uses. Runs on its own schedule; public so that shutdown and tests can force it. */
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<AccessTokenId, Instant> batch = Map.copyOf(pending);
        batch.forEach((id, at) -> pending.remove(id, at)); // a newer use queued meanwhile stays
        try {
            transaction.executeWithoutResult(status -> batch.forEach(this::write));
        } catch (RuntimeException e) {
            batch.forEach((id, at) -> pending.merge(id, at, (a, b) -> a.isAfter(b) ? a : b));
            throw e;
        }
    }

    private void write(AccessTokenId tokenId, Instant usedAt) {
        entityManager.createQuery("""
                        update TokenViewEntity t set t.lastUsedAt = :usedAt
                        where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt <= :notAfter)""")
                .setParameter("usedAt", usedAt)
                .setParameter("id", tokenId.value())
                .setParameter("notAfter", usedAt.minus(RESOLUTION))
                .executeUpdate();
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Could not write token usage times; will retry: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        flushing.cancel(false);
        flushQuietly();
    }
}
