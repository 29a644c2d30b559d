package dev.vai.export.outbox;

import dev.vai.export.record.AuditRecord;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox table's few statements, in plain SQL: every issue and revocation adds a row, and a JPA entity per row
 * cost a tenth of an issue's CPU for nothing (see bench/RESULTS.md). The schema is Flyway's ({@code V3}).
 */
@Repository
public class OutboxStore {

    private final JdbcTemplate jdbc;

    OutboxStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a record in the caller's transaction (the event's own, or a replay's). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(AuditRecord record) {
        addAll(List.of(record));
    }

    /** Adds records in the caller's transaction as one JDBC batch, in their order (which the drain keeps). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addAll(List<AuditRecord> records) {
        jdbc.batchUpdate("insert into audit_outbox (event_id, token_id, event_type, occurred_at, record)"
                + " values (?, ?, ?, ?, ?)", records, records.size(), (statement, record) -> {
                    statement.setString(1, record.eventId());
                    statement.setObject(2, record.tokenId());
                    statement.setString(3, record.type());
                    statement.setTimestamp(4, Timestamp.from(record.occurredAt()));
                    statement.setString(5, record.json());
                });
    }

    /** The oldest waiting entries, in the order their transactions inserted them (per token: event order). */
    List<OutboxEntry> oldest(int limit) {
        return jdbc.query("select id, event_id, token_id, event_type, occurred_at, record from audit_outbox"
                        + " order by id limit ?",
                (row, number) -> new OutboxEntry(row.getLong(1), new AuditRecord(row.getString(2),
                        row.getObject(3, UUID.class), row.getString(4), row.getTimestamp(5).toInstant(),
                        row.getString(6))), limit);
    }

    void delete(List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.batchUpdate("delete from audit_outbox where id = ?", ids, ids.size(),
                    (statement, id) -> statement.setLong(1, id));
        }
    }

    /** How many entries wait, and when the oldest of them happened. */
    Backlog backlog() {
        return jdbc.queryForObject("select count(*), min(occurred_at) from audit_outbox", (row, number) -> {
            Timestamp oldest = row.getTimestamp(2);
            return new Backlog(row.getLong(1), oldest == null ? null : oldest.toInstant());
        });
    }

    record Backlog(long events, Instant oldest) {
    }
}
