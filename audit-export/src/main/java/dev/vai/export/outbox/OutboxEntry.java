package dev.vai.export.outbox;

import dev.vai.export.record.AuditRecord;

/** One audit record waiting for the broker's acknowledgement, with its place in the outbox. */
record OutboxEntry(long id, AuditRecord record) {
}
