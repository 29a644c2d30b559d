package dev.vai.app;

import dev.vai.lifecycle.AggregateSequences;
import dev.vai.token.AccessTokenId;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tokens' last sequence numbers from the event table AxonConfiguration's storage engine writes: one statement for
 * a batch of set-based revocations (one range of the unique aggregate/sequence index per token) instead of Axon's
 * query per aggregate. Runs in the caller's transaction.
 */
@Component
class EventTableSequences implements AggregateSequences {

    private final JdbcTemplate jdbc;

    EventTableSequences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<AccessTokenId, Long> lastSequenceNumbers(Collection<AccessTokenId> tokens) {
        Map<AccessTokenId, Long> last = new HashMap<>();
        if (tokens.isEmpty()) {
            return last;
        }
        List<String> ids = tokens.stream().map(AccessTokenId::toString).toList();
        jdbc.query("select aggregate_identifier, max(sequence_number) from domain_event_entry"
                        + " where aggregate_identifier in (" + String.join(", ", Collections.nCopies(ids.size(), "?"))
                        + ") group by aggregate_identifier",
                row -> {
                    last.put(new AccessTokenId(UUID.fromString(row.getString(1))), row.getLong(2));
                }, ids.toArray());
        return last;
    }
}
