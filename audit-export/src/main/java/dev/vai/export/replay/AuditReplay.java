package dev.vai.export.replay;

import dev.vai.export.outbox.OutboxDrainer;
import dev.vai.export.outbox.OutboxStore;
import dev.vai.export.ExportFailure;
import dev.vai.export.record.AuditRecord;
import dev.vai.export.record.CloudEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-exports the audit stream from the beginning or from a point in time: reads the events back from the event store,
 * builds the same records (same CloudEvents ids, so consumers can tell them apart from nothing and de-duplicate), and
 * queues them in the outbox behind whatever is already waiting. Runs in the background, one replay at a time.
 */
public class AuditReplay {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(AuditReplay.class);

    private final EventStorageEngine events;
    private final CloudEvents cloudEvents;
    private final OutboxStore outbox;
    private final OutboxDrainer drainer;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private volatile Status status = new Status(false, null, 0, null, null, null);

    /** Where a replay stands; {@code from} null means from the beginning. */
    public record Status(boolean running, Instant from, long queued, Instant startedAt, Instant finishedAt,
            String error) {
    }

    public AuditReplay(EventStorageEngine events, CloudEvents cloudEvents, OutboxStore outbox, OutboxDrainer drainer,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.events = events;
        this.cloudEvents = cloudEvents;
        this.outbox = outbox;
        this.drainer = drainer;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    public Status status() {
        return status;
    }

    /** Starts a replay; throws {@link IllegalStateException} if one is running. */
    public synchronized Status start(Instant from) {
        if (status.running()) {
            throw new IllegalStateException("A replay is already running");
        }
        status = new Status(true, from, 0, clock.instant(), null, null);
        Thread thread = new Thread(() -> run(from), "audit-replay");
        thread.setDaemon(true);
        thread.start();
        log.info("Audit replay started from {}", from == null ? "the beginning" : from);
        return status;
    }

    private void run(Instant from) {
        long queued = 0;
        try {
            TrackingToken start = from == null ? null : events.createTokenAt(from);
            try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(start, false)) {
                Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
                List<AuditRecord> batch = new ArrayList<>(BATCH);
                while (iterator.hasNext()) {
                    TrackedEventMessage<?> event = iterator.next();
                    cloudEvents.of(event.getIdentifier(), event.getPayload(), event.getMetaData()).ifPresent(batch::add);
                    if (batch.size() == BATCH) {
                        queued += queue(batch);
                        status = new Status(true, from, queued, status.startedAt(), null, null);
                    }
                }
                queued += queue(batch);
            }
            status = new Status(false, from, queued, status.startedAt(), clock.instant(), null);
            log.info("Audit replay queued {} records", queued);
        } catch (RuntimeException e) {
            status = new Status(false, from, queued, status.startedAt(), clock.instant(), ExportFailure.summary(e));
            log.warn("Audit replay stopped after queueing {} records: {}", queued, e.toString());
        }
    }

    private int queue(List<AuditRecord> batch) {
        int size = batch.size();
        if (size > 0) {
            transaction.executeWithoutResult(tx -> batch.forEach(outbox::add));
            batch.clear();
            drainer.wake();
        }
        return size;
    }
}
