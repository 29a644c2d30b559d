package dev.vai.export.record;

import java.time.Instant;
import java.util.UUID;

/**
 * One record of the audit stream: the CloudEvent's JSON, keyed by the token id, with what the exporter needs to
 * know about it without parsing it ({@code id}, short type, time).
 */
public record AuditRecord(String eventId, UUID tokenId, String type, Instant occurredAt, String json) {

    /** The Kafka record header for CloudEvents' structured mode. */
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
}
