package dev.vai.export.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code audit-tail}: prints the audit stream, one line per event, for people without Kafka tooling.
 *
 * <pre>java -jar token-app/target/token-app.jar audit-tail [--from-beginning] [--bootstrap host:port]
 *     [--topic name] [--max n]</pre>
 *
 * Bootstrap and topic default to {@code VAI_KAFKA_BOOTSTRAP} (else dev mode's {@code localhost:9092}) and
 * {@code VAI_AUDIT_TOPIC}. It joins no consumer group and commits nothing.
 */
public final class AuditTail {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditTail() {
    }

    public static void main(String[] args) {
        String bootstrap = env("VAI_KAFKA_BOOTSTRAP", "localhost:" + env("VAI_DEV_KAFKA_PORT", "9092"));
        String topic = env("VAI_AUDIT_TOPIC", "vai.access-tokens.audit.v1");
        boolean fromBeginning = false;
        long max = Long.MAX_VALUE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--from-beginning" -> fromBeginning = true;
                case "--bootstrap" -> bootstrap = args[++i];
                case "--topic" -> topic = args[++i];
                case "--max" -> max = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: audit-tail [--from-beginning] [--bootstrap host:port] [--topic name]"
                            + " [--max n]");
                    System.exit(2);
                }
            }
        }
        tail(bootstrap, topic, fromBeginning, max, System.out);
    }

    static void tail(String bootstrap, String topic, boolean fromBeginning, long max, PrintStream out) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrap);
        properties.put("enable.auto.commit", "false");
        properties.put("client.id", "vai-audit-tail");
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            out.println("# " + topic + " on " + bootstrap + (fromBeginning ? ", from the beginning" : ", new events"));
            out.flush();
            long printed = 0;
            while (printed < max) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    out.println(line(record.value()));
                    out.flush();
                    if (++printed >= max) {
                        break;
                    }
                }
            }
        }
    }

    private static void by(StringBuilder line, JsonNode by) {
        line.append(" by=").append(by.path("kind").asText());
        if (!by.path("tokenId").isNull() && !by.path("tokenId").isMissingNode()) {
            line.append(':').append(by.path("tokenId").asText());
        }
    }

    /** One event as one line: time, what happened, to which token, by whom, from where. */
    static String line(String value) {
        try {
            JsonNode event = JSON.readTree(value);
            JsonNode data = event.path("data");
            String type = event.path("type").asText();
            String what = type.contains(".revoked.") ? "revoked" : type.contains(".issued.") ? "issued" : type;
            StringBuilder line = new StringBuilder()
                    .append(event.path("time").asText()).append("  ").append(what)
                    .append("  token=").append(data.path("tokenId").asText())
                    .append(" owner=").append(data.path("ownerId").asText())
                    .append(" type=").append(data.path("tokenType").asText())
                    .append(" prefix=").append(data.path("tokenPrefix").asText());
            if (what.equals("revoked")) {
                line.append(" reason=").append(data.path("reason").asText());
                by(line, data.path("revokedBy"));
            } else {
                line.append(" expires=").append(data.path("expiresAt").isNull() ? "never"
                        : data.path("expiresAt").asText());
                if (data.has("scopes")) {
                    List<String> scopes = new ArrayList<>();
                    data.path("scopes").forEach(scope -> scopes.add(scope.asText()));
                    line.append(" scopes=").append(scopes.isEmpty() ? "none" : String.join(",", scopes));
                }
                if (data.has("issuedBy")) {
                    by(line, data.path("issuedBy"));
                }
            }
            JsonNode request = data.path("request");
            line.append(" ip=").append(request.path("clientIp").asText("-"))
                    .append(" request=").append(request.path("requestId").asText("-"))
                    .append("  id=").append(event.path("id").asText());
            return line.toString();
        } catch (Exception e) {
            return "(not a CloudEvent) " + value;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
