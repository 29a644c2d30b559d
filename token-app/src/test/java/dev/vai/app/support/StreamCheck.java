package dev.vai.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Compares the audit topic with the event store: waits until every stored event is on the topic (or time is up),
 * then counts what is missing, what is on the topic without an event behind it, tokens whose records arrived out of
 * event order, and duplicates.
 */
public final class StreamCheck {

    public record Result(int storedEvents, int records, int missing, int phantoms, int outOfOrderTokens,
            int duplicates) {

        public boolean intact() {
            return missing == 0 && phantoms == 0 && outOfOrderTokens == 0;
        }
    }

    private StreamCheck() {
    }

    public static Result compare(TestPostgres.Database database, String bootstrap, Duration timeout) {
        Map<String, List<String>> eventsByToken = storedEvents(database);
        Set<String> stored = new HashSet<>();
        eventsByToken.values().forEach(stored::addAll);
        List<ConsumerRecord<String, String>> records = TestKafka.readUntil(bootstrap, TestKafka.TOPIC,
                read -> ids(read).containsAll(stored), timeout);

        Map<String, List<String>> firstSeenByToken = new LinkedHashMap<>();
        Set<String> onTopic = new HashSet<>();
        int duplicates = 0;
        for (ConsumerRecord<String, String> record : records) {
            String id = id(record);
            if (onTopic.add(id)) {
                firstSeenByToken.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(id);
            } else {
                duplicates++;
            }
        }
        Set<String> missing = new HashSet<>(stored);
        missing.removeAll(onTopic);
        Set<String> phantoms = new HashSet<>(onTopic);
        phantoms.removeAll(stored);
        int outOfOrder = 0;
        for (Map.Entry<String, List<String>> token : eventsByToken.entrySet()) {
            List<String> seen = firstSeenByToken.getOrDefault(token.getKey(), List.of());
            List<String> expected = new ArrayList<>(token.getValue());
            expected.retainAll(seen);
            if (!seen.equals(expected)) {
                outOfOrder++;
            }
        }
        return new Result(stored.size(), records.size(), missing.size(), phantoms.size(), outOfOrder, duplicates);
    }

    private static Set<String> ids(List<ConsumerRecord<String, String>> records) {
        Set<String> ids = new HashSet<>();
        records.forEach(record -> ids.add(id(record)));
        return ids;
    }

    private static String id(ConsumerRecord<String, String> record) {
        try {
            JsonNode event = Api.JSON.readTree(record.value());
            return event.get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every event identifier in the event store, per token, in the token's event order. */
    public static Map<String, List<String>> storedEvents(TestPostgres.Database database) {
        Map<String, List<String>> events = new LinkedHashMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select aggregate_identifier, event_identifier"
                        + " from domain_event_entry order by aggregate_identifier, sequence_number")) {
            while (rows.next()) {
                events.computeIfAbsent(rows.getString(1), key -> new ArrayList<>()).add(rows.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return events;
    }
}
