package dev.vai.app.support;

import dev.vai.devbroker.DevKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The Kafka broker of the in-process integration tests: a real KRaft broker in this JVM (dev mode's own), started
 * once, on free ports, in a temporary directory. And a reader for any broker's topic.
 */
public final class TestKafka {

    public static final String TOPIC = "vai.access-tokens.audit.v1";
    private static DevKafkaBroker broker;

    private TestKafka() {
    }

    public static synchronized String bootstrap() {
        if (broker == null) {
            try {
                Path dir = Files.createTempDirectory("vai-test-kafka");
                broker = DevKafkaBroker.start(freePortPair(), dir);
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "stop-test-kafka"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return broker.bootstrapServers();
    }

    /** A free port whose successor is free too (the broker's controller listens there). */
    public static int freePortPair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = AppProcess.freePort();
            try (ServerSocket next = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("No two consecutive free ports");
    }

    /**
     * Every record of the topic from the beginning, read until {@code done} holds for what has been read (or the
     * time is up, and then what there is).
     */
    public static List<ConsumerRecord<String, String>> readUntil(String bootstrap, String topic,
            Predicate<List<ConsumerRecord<String, String>>> done, Duration timeout) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrap);
        properties.put("enable.auto.commit", "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                try {
                    partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                            .map(info -> new TopicPartition(topic, info.partition())).toList();
                } catch (org.apache.kafka.common.errors.TimeoutException e) {
                    // the broker is not there (yet): keep asking until the deadline
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (System.nanoTime() < deadline && !done.test(records)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
