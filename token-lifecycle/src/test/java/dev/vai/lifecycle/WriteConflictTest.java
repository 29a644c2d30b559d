package dev.vai.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

/** Which failures a revocation retries: write conflicts and deadlocks, however they reach it; nothing else. */
class WriteConflictTest {

    @Test
    void anotherWriterAppendingTheSameSequenceNumberFirstIsRetried() {
        assertThat(TokenLifecycle.isConflict(new IllegalStateException(new ConcurrencyException("taken")))).isTrue();
    }

    @Test
    void aDeadlockIsRetriedWhetherSpringTranslatedItOrNot() {
        assertThat(TokenLifecycle.isConflict(new CannotAcquireLockException("deadlock"))).isTrue();
        // Axon's event storage and Hibernate pass the driver's exception on untranslated
        assertThat(TokenLifecycle.isConflict(new EventStoreException("append failed",
                new BatchUpdateException("deadlock detected", "40P01", 0, new int[0])))).isTrue();
        assertThat(TokenLifecycle.isConflict(new SQLException("could not serialize access", "40001"))).isTrue();
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertThat(TokenLifecycle.isConflict(new EventStoreException("append failed",
                new SQLException("connection refused", "08001")))).isFalse();
        assertThat(TokenLifecycle.isConflict(new SQLException("no state"))).isFalse();
        assertThat(TokenLifecycle.isConflict(new IllegalStateException("not a database failure"))).isFalse();
    }
}
