package dev.vai.export.outbox;

import dev.vai.export.record.AuditRecord;
import dev.vai.export.record.CloudEvents;
import dev.vai.token.AccessTokenIssued;
import dev.vai.token.AccessTokenRevoked;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes each token event's audit record into the outbox. Runs in the processing group
 * {@value AuditOutboxProcessing#GROUP}: subscribing, with a propagating error handler, so the record commits with its
 * event or neither does. Kafka is never touched here: issuing and revoking do not wait for it.
 */
@Component
@ProcessingGroup(AuditOutboxProcessing.GROUP)
class AuditOutboxWriter {

    /** The unit of work's resource holding its records until it prepares to commit. */
    private static final String PENDING = AuditOutboxWriter.class.getName() + ".pending";

    private final CloudEvents cloudEvents;
    private final OutboxStore outbox;
    private final OutboxDrainer drainer;

    AuditOutboxWriter(CloudEvents cloudEvents, OutboxStore outbox, OutboxDrainer drainer) {
        this.cloudEvents = cloudEvents;
        this.outbox = outbox;
        this.drainer = drainer;
    }

    @EventHandler
    void on(AccessTokenIssued event, EventMessage<?> message) {
        write(message);
    }

    @EventHandler
    void on(AccessTokenRevoked event, EventMessage<?> message) {
        write(message);
    }

    /**
     * Within a unit of work (a command's, or a batch of set-based revocations), the records are collected and
     * inserted as one JDBC batch when it prepares to commit, still in the event's transaction; without one, at once.
     */
    private void write(EventMessage<?> message) {
        Optional<AuditRecord> record = cloudEvents.of(message.getIdentifier(), message.getPayload(),
                message.getMetaData());
        if (record.isEmpty()) {
            return;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            outbox.add(record.get());
            wakeAfterCommit();
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        unitOfWork.getOrComputeResource(PENDING, key -> {
            List<AuditRecord> pending = new ArrayList<>();
            unitOfWork.onPrepareCommit(done -> {
                outbox.addAll(pending);
                wakeAfterCommit();
            });
            return pending;
        }).add(record.get());
    }

    /** Wakes the drainer once the database transaction has committed (a unit of work nested in it commits before). */
    private void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    drainer.wake();
                }
            });
        } else if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> drainer.wake());
        }
    }
}
