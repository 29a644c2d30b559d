package dev.vai.export;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit stream's settings ({@code vai.audit.*}, environment {@code VAI_AUDIT_*}).
 *
 * @param topic the Kafka topic
 * @param source the CloudEvents {@code source} of every record
 * @param schemaBase prefix of each record's {@code dataschema}; the schema's name follows it
 * @param createTopic create the topic at start if it does not exist (dev mode and compose; off in production)
 * @param topicPartitions partitions of a topic this service creates
 * @param topicReplicationFactor replication factor of a topic this service creates
 * @param batchSize records published per round trip
 * @param pollInterval how often the outbox is looked at when this instance has not just written to it
 * @param drainLease how instances take turns draining the outbox: {@code advisory-lock} (a PostgreSQL advisory lock,
 *     for instances sharing one database; the default) or {@code in-process} (a single instance on its own
 *     database). Set by the application from the mode.
 */
@ConfigurationProperties(prefix = "vai.audit")
public record AuditSettings(
        @DefaultValue("vai.access-tokens.audit.v1") String topic,
        @DefaultValue("urn:vai:access-tokens") String source,
        @DefaultValue("urn:vai:audit:schema:") String schemaBase,
        @DefaultValue("false") boolean createTopic,
        @DefaultValue("6") int topicPartitions,
        @DefaultValue("3") short topicReplicationFactor,
        @DefaultValue("500") int batchSize,
        @DefaultValue("100ms") Duration pollInterval,
        @DefaultValue("advisory-lock") DrainLeaseKind drainLease) {

    /** The two ways to take turns; bound from their wire names. */
    public enum DrainLeaseKind {
        ADVISORY_LOCK,
        IN_PROCESS
    }
}
