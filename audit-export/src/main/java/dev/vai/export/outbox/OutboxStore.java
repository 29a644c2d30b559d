package dev.vai.export.outbox;

import dev.vai.export.record.AuditRecord;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The outbox table's few queries. */
@Repository
public class OutboxStore {

    @PersistenceContext
    private EntityManager entityManager;

    /** Adds a record in the caller's transaction (the event's own, or a replay's). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(AuditRecord record) {
        entityManager.persist(new OutboxEntry(record));
    }

    /** The oldest waiting entries, in the order their transactions inserted them (per token: event order). */
    @Transactional(readOnly = true)
    List<OutboxEntry> oldest(int limit) {
        return entityManager.createQuery("select e from OutboxEntry e order by e.id", OutboxEntry.class)
                .setMaxResults(limit)
                .getResultList();
    }

    @Transactional
    void delete(List<Long> ids) {
        if (!ids.isEmpty()) {
            entityManager.createQuery("delete from OutboxEntry e where e.id in :ids").setParameter("ids", ids)
                    .executeUpdate();
        }
    }

    /** How many entries wait, and when the oldest of them happened. */
    @Transactional(readOnly = true)
    Backlog backlog() {
        Object[] row = entityManager.createQuery("select count(e), min(e.occurredAt) from OutboxEntry e",
                Object[].class).getSingleResult();
        return new Backlog(((Number) row[0]).longValue(), (Instant) row[1]);
    }

    record Backlog(long events, Instant oldest) {
    }
}
