package dev.vai.export.outbox;

import dev.vai.export.record.AuditRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One audit record waiting for the broker's acknowledgement. */
@Entity
@Table(name = "audit_outbox")
class OutboxEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id", nullable = false)
    private String eventId;

    @Column(name = "token_id", nullable = false)
    private UUID tokenId;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "record", nullable = false)
    private String record;

    protected OutboxEntry() {
    }

    OutboxEntry(AuditRecord record) {
        this.eventId = record.eventId();
        this.tokenId = record.tokenId();
        this.eventType = record.type();
        this.occurredAt = record.occurredAt();
        this.record = record.json();
    }

    Long id() {
        return id;
    }

    AuditRecord toRecord() {
        return new AuditRecord(eventId, tokenId, eventType, occurredAt, record);
    }
}
