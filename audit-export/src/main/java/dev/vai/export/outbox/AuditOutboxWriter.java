package dev.vai.export.outbox;

import dev.vai.export.record.CloudEvents;
import dev.vai.token.AccessTokenIssued;
import dev.vai.token.AccessTokenRevoked;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
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

    private void write(EventMessage<?> message) {
        cloudEvents.of(message.getIdentifier(), message.getPayload(), message.getMetaData()).ifPresent(outbox::add);
        // after the database transaction's commit, which a unit of work nested in it (a batch) would precede
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
