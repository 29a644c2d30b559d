package dev.vai.export.outbox;

import dev.vai.export.AuditMetrics;
import dev.vai.export.AuditSettings;
import dev.vai.export.ExportFailure;
import dev.vai.export.kafka.AuditPublisher;
import dev.vai.export.record.AuditRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Publishes the outbox: takes the oldest entries in id order, publishes them, and deletes each one only after the
 * broker has acknowledged it. Any failure (broker, network, database) keeps the entries and retries with back-off
 * from the oldest; a record is never skipped. Duplicates, with the same CloudEvents id, can only follow a crash or a
 * failure between acknowledgement and deletion.
 *
 * <p>Every instance runs one; only the holder of the {@link DrainLease} publishes. Every instance measures the
 * backlog for its metrics, every second, on a thread of its own (a publish can wait for the broker for half a
 * minute; the figures must not).
 */
public class OutboxDrainer implements SmartLifecycle {

    static final Duration BACKLOG_INTERVAL = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(OutboxDrainer.class);

    private final OutboxStore store;
    private final AuditPublisher publisher;
    private final DrainLease lease;
    private final AuditMetrics metrics;
    private final AuditSettings settings;
    private final Object signal = new Object();
    private volatile boolean running;
    private volatile int consecutiveFailures;
    private volatile String lastError;
    private boolean woken;
    private Thread thread;
    private final TaskScheduler scheduler;
    private ScheduledFuture<?> backlogMeter;

    public OutboxDrainer(OutboxStore store, AuditPublisher publisher, DrainLease lease, AuditMetrics metrics,
            AuditSettings settings, TaskScheduler scheduler) {
        this.store = store;
        this.scheduler = scheduler;
        this.publisher = publisher;
        this.lease = lease;
        this.metrics = metrics;
        this.settings = settings;
    }

    /** Something was written: look now rather than at the next poll. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Attempts that have failed in a row on this instance (0 when the last one succeeded). */
    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** The last failure, as {@link ExportFailure#summary}: a known cause and a class name, never a message. */
    public String lastError() {
        return lastError;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "audit-outbox-drainer");
        thread.setDaemon(true);
        thread.start();
        backlogMeter = scheduler.scheduleWithFixedDelay(this::measureBacklog, Instant.now(), BACKLOG_INTERVAL);
    }

    @Override
    public void stop() {
        running = false;
        wake();
        if (backlogMeter != null) {
            backlogMeter.cancel(true);
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(15).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        publisher.close();
        lease.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        boolean topicReady = false;
        int failures = 0;
        while (running) {
            try {
                if (!lease.holds()) {
                    pause(BACKLOG_INTERVAL);
                    continue;
                }
                if (!topicReady) {
                    publisher.ensureTopic();
                    topicReady = true;
                }
                if (!drainOnce()) {
                    pause(settings.pollInterval());
                }
                if (failures > 0) {
                    log.info("Audit export recovered after {} failed attempts", failures);
                }
                failures = 0;
                consecutiveFailures = 0;
                backoff = Duration.ZERO;
            } catch (Exception e) {
                failures++;
                // the cause first: whoever sees the failure count (the health check) sees why
                lastError = ExportFailure.summary(e);
                consecutiveFailures = failures;
                backoff = backoff.isZero() ? Duration.ofMillis(200) : min(backoff.multipliedBy(2), MAX_BACKOFF);
                if (failures == 1 || failures % 30 == 0) {
                    log.warn("Audit export failing ({} attempts so far, backlog {}): {}; retrying in {} ms", failures,
                            metrics.backlog(), describe(e), backoff.toMillis());
                }
                sleep(backoff);
            }
        }
    }

    /** Publishes one batch; false when there was nothing to publish. */
    private boolean drainOnce() throws Exception {
        List<OutboxEntry> batch = store.oldest(settings.batchSize());
        if (batch.isEmpty()) {
            return false;
        }
        List<AuditRecord> records = batch.stream().map(OutboxEntry::record).toList();
        AuditPublisher.Outcome outcome = publisher.publish(records);
        store.delete(batch.subList(0, outcome.acknowledged()).stream().map(OutboxEntry::id).toList());
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        // the backlog is measured once a second (backlogMeter), not after every drain: counting a table whose rows
        // are inserted and deleted all the time cost about 0.8 ms of PostgreSQL's CPU per count, 45 times a second
        // under the benchmark's create load (bench/RESULTS.md)
        return true;
    }

    private void measureBacklog() {
        try {
            OutboxStore.Backlog backlog = store.backlog();
            metrics.backlog(backlog.events(), backlog.oldest());
        } catch (RuntimeException e) {
            // the database is unreachable: the figures keep their last value, the drain loop reports the failure
        }
    }

    private void pause(Duration duration) {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(Math.max(1, duration.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    /** Backing off: new writes do not cut this short, only stopping does. */
    private void sleep(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (running && System.nanoTime() < deadline) {
            synchronized (signal) {
                try {
                    signal.wait(Math.max(1, Math.min(100, (deadline - System.nanoTime()) / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            text.append(": ").append(e.getMessage());
        }
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            text.append(" (").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                text.append(": ").append(cause.getMessage());
            }
            text.append(')');
        }
        return text.toString();
    }
}
