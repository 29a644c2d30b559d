package dev.vai.export.kafka;

import dev.vai.export.AuditMetrics;
import dev.vai.export.AuditSettings;
import dev.vai.export.KafkaSettings;
import dev.vai.export.record.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes audit records and waits for the broker's acknowledgement of each: {@code acks=all}, idempotent, at most
 * five requests in flight, so that within a partition (a token's records share one: the key is the token id) a record
 * is only ever written after the ones sent before it. After any failure the producer is replaced and the caller
 * starts again from the first unacknowledged record.
 */
public class AuditPublisher implements AutoCloseable {

    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(AuditPublisher.class);

    private final KafkaSettings kafka;
    private final AuditSettings audit;
    private final AuditMetrics metrics;
    private KafkaProducer<String, String> producer;

    public AuditPublisher(KafkaSettings kafka, AuditSettings audit, AuditMetrics metrics) {
        this.kafka = kafka;
        this.audit = audit;
        this.metrics = metrics;
    }

    /** How a batch went: the first {@code acknowledged} records are on the topic; {@code failure} is null if all are. */
    public record Outcome(int acknowledged, Exception failure) {
    }

    public Outcome publish(List<AuditRecord> records) {
        KafkaProducer<String, String> current = producer();
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        Exception failure = null;
        for (AuditRecord record : records) {
            ProducerRecord<String, String> message =
                    new ProducerRecord<>(audit.topic(), record.tokenId().toString(), record.json());
            message.headers().add("content-type", AuditRecord.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            long start = System.nanoTime();
            try {
                sent.add(current.send(message, (metadata, error) -> {
                    if (error == null) {
                        metrics.sent(record.type(), System.nanoTime() - start);
                    } else {
                        metrics.failed(record.type());
                    }
                }));
            } catch (RuntimeException e) {
                failure = e;
                metrics.failed(record.type());
                break;
            }
        }
        int acknowledged = 0;
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get(DELIVERY_TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
                acknowledged++;
            } catch (ExecutionException | TimeoutException e) {
                failure = e;
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
                break;
            }
        }
        if (failure != null) {
            reset();
        }
        return new Outcome(acknowledged, failure);
    }

    /** Creates the topic if it is missing and the settings allow it; otherwise leaves it to the operator. */
    public void ensureTopic() throws ExecutionException, InterruptedException {
        if (!audit.createTopic()) {
            return;
        }
        try (Admin admin = Admin.create(clientProperties())) {
            if (admin.listTopics().names().get().contains(audit.topic())) {
                return;
            }
            NewTopic topic = new NewTopic(audit.topic(), audit.topicPartitions(), audit.topicReplicationFactor())
                    .configs(Map.of(
                            "min.insync.replicas", String.valueOf(Math.min(2, audit.topicReplicationFactor())),
                            "unclean.leader.election.enable", "false"));
            admin.createTopics(List.of(topic)).all().get();
            log.info("Created the audit topic {} ({} partitions, replication factor {})", audit.topic(),
                    audit.topicPartitions(), audit.topicReplicationFactor());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties properties = clientProperties();
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
            properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(DELIVERY_TIMEOUT.toMillis()));
            properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
            properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
            properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            // a batch is at most VAI_AUDIT_BATCH_SIZE small records: 8 MiB of buffer, not the default 32
            properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(8L * 1024 * 1024));
            properties.put(ProducerConfig.CLIENT_ID_CONFIG, "vai-audit-exporter");
            producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private Properties clientProperties() {
        Properties properties = new Properties();
        properties.putAll(kafka.properties());
        properties.put("bootstrap.servers", kafka.bootstrap());
        return properties;
    }

    /** Drops the producer; the next publish starts a new one (and a new idempotence session). */
    public synchronized void reset() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
