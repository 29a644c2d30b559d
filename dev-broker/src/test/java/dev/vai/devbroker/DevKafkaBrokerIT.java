package dev.vai.devbroker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevKafkaBrokerIT {

    @TempDir
    Path dataDir;

    @Test
    void itKeepsItsRecordsAcrossARestartAndItsFaultsCannotStopTheJvm() throws Exception {
        int port = freePortPair();
        try (DevKafkaBroker broker = DevKafkaBroker.start(port, dataDir)) {
            Properties properties = new Properties();
            properties.put("bootstrap.servers", broker.bootstrapServers());
            properties.put("acks", "all");
            try (KafkaProducer<String, String> producer =
                         new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("kept", "key", "before the restart")).get();
            }
            Exit.halt(1, "a fatal broker error");
            Exit.exit(1, "another");
        }
        // still here: neither call ended the JVM

        try (DevKafkaBroker again = DevKafkaBroker.start(port, dataDir)) {
            Properties properties = new Properties();
            properties.put("bootstrap.servers", again.bootstrapServers());
            List<String> values = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer =
                         new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
                List<TopicPartition> partitions = consumer.partitionsFor("kept", Duration.ofSeconds(30)).stream()
                        .map(info -> new TopicPartition("kept", info.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (values.isEmpty() && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        values.add(record.value());
                    }
                }
            }
            assertThat(values).containsExactly("before the restart");
        }
    }

    private static int freePortPair() throws IOException {
        for (int i = 0; i < 50; i++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            try (ServerSocket next = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // another
            }
        }
        throw new IllegalStateException("No two consecutive free ports");
    }
}
