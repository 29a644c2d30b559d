package dev.vai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Revocation to Kafka record at a steady rate: revocations are sent open-loop on a fixed schedule, and each one's
 * latency runs from its scheduled send time to the moment a consumer on the topic receives its record. Because the
 * clock starts at the schedule, not at the send, a stall anywhere shows in the figures (no coordinated omission).
 */
final class RevocationToRecord {

    static final String TOPIC = "vai.access-tokens.audit.v1";
    static final int KEYS_PER_OWNER = 500;

    private RevocationToRecord() {
    }

    static Row run(Infrastructure infrastructure, int perSecond, Duration duration) throws Exception {
        Http http = new Http(infrastructure);
        int count = (int) (perSecond * duration.toSeconds());
        List<String[]> keys = createKeys(http, count);

        Map<String, Long> scheduledAt = new ConcurrentHashMap<>();
        Latencies latencies = new Latencies();
        AtomicBoolean consuming = new AtomicBoolean(true);
        Thread consumer = consumer(infrastructure.brokerPort, scheduledAt, latencies, consuming);

        AtomicInteger failures = new AtomicInteger();
        long periodNanos = 1_000_000_000L / perSecond;
        long start = System.nanoTime() + 200_000_000L;
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bench-schedule");
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger next = new AtomicInteger();
        schedule.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= keys.size()) {
                return;
            }
            String key = keys.get(i)[0];
            scheduledAt.put(key, start + i * periodNanos);
            http.sendAsync(http.request("/api/v1/access-tokens/" + key).header("Authorization", "Bearer " + keys.get(i)[1])
                            .DELETE().build())
                    .whenComplete((response, error) -> {
                        if (error != null || response.statusCode() != 204) {
                            failures.incrementAndGet();
                        }
                    });
        }, start - System.nanoTime(), periodNanos, TimeUnit.NANOSECONDS);

        long deadline = System.nanoTime() + duration.plusSeconds(30).toNanos();
        while (latencies.count() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        schedule.shutdownNow();
        consuming.set(false);
        consumer.join(5_000);

        double p50 = latencies.percentileMillis(50);
        double p99 = latencies.percentileMillis(99);
        String figures = String.format("%d/s for %ds: p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d of %d received%s)",
                perSecond, duration.toSeconds(), p50, p99, latencies.maxMillis(), latencies.count(), count,
                failures.get() == 0 ? "" : ", " + failures.get() + " failed requests");
        boolean met = latencies.count() == count && failures.get() == 0 && p99 <= 1000;
        return new Row("Revocation to Kafka record (open loop)", figures, "none (absolute)", "-", "p99 <= 1000 ms",
                met);
    }

    /**
     * {@code count} keys, each with the session of its owner that will revoke it: {@link #KEYS_PER_OWNER} per owner,
     * well below the service's limit of active keys per owner.
     */
    private static List<String[]> createKeys(Http http, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String[]>> ids = new ArrayList<>();
            String session = null;
            for (int i = 0; i < count; i++) {
                if (i % KEYS_PER_OWNER == 0) {
                    session = http.session("bench-revoker-" + i / KEYS_PER_OWNER);
                }
                int n = i;
                String owner = session;
                ids.add(pool.submit(() -> new String[] {http.createKey(owner, "revoked " + n)[0], owner}));
            }
            List<String[]> keys = new ArrayList<>();
            for (Future<String[]> id : ids) {
                keys.add(id.get());
            }
            return keys;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Thread consumer(int brokerPort, Map<String, Long> scheduledAt, Latencies latencies,
            AtomicBoolean consuming) throws InterruptedException {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", "localhost:" + brokerPort);
        properties.put("enable.auto.commit", "false");
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        Thread thread = new Thread(() -> {
            try (consumer) {
                while (consuming.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                        long received = System.nanoTime();
                        Long scheduled = scheduledAt.get(record.key());
                        if (scheduled != null && isRevocation(record.value())) {
                            latencies.add(received - scheduled);
                        }
                    }
                }
            }
        }, "bench-consumer");
        thread.start();
        return thread;
    }

    private static boolean isRevocation(String value) {
        try {
            JsonNode event = Http.JSON.readTree(value);
            return event.path("type").asText().endsWith(".revoked.v1");
        } catch (Exception e) {
            return false;
        }
    }
}
