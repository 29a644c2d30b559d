package dev.vai.app.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the event store directly, to check what the API's answers cannot show: which events were appended. */
public final class EventStore {

    private final JdbcTemplate jdbc;

    public EventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record StoredEvent(String type, long sequence, String payload, String metaData) {
    }

    public List<StoredEvent> eventsOf(String tokenId) {
        return jdbc.query("""
                        select payload_type, sequence_number, payload, meta_data from domain_event_entry
                        where aggregate_identifier = ? order by sequence_number""",
                (row, i) -> new StoredEvent(row.getString(1).substring(row.getString(1).lastIndexOf('.') + 1),
                        row.getLong(2), new String(row.getBytes(3), StandardCharsets.UTF_8),
                        new String(row.getBytes(4), StandardCharsets.UTF_8)),
                tokenId);
    }

    public long revocationsOf(String tokenId) {
        return eventsOf(tokenId).stream().filter(e -> e.type().equals("AccessTokenRevoked")).count();
    }

    public long totalEvents() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    public long totalTokens() {
        Long count = jdbc.queryForObject("select count(*) from access_token_view", Long.class);
        return count == null ? 0 : count;
    }

    /** Every serialized payload and metadata in the store, as text, to search for things that must not be there. */
    public String everything() {
        StringBuilder all = new StringBuilder();
        jdbc.query("select payload, meta_data from domain_event_entry", row -> {
            all.append(new String(row.getBytes(1), StandardCharsets.UTF_8)).append('\n');
            byte[] meta = row.getBytes(2);
            if (meta != null) {
                all.append(new String(meta, StandardCharsets.UTF_8)).append('\n');
            }
        });
        return all.toString();
    }
}
