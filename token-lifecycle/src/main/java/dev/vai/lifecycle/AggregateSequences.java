package dev.vai.lifecycle;

import dev.vai.token.AccessTokenId;
import java.util.Collection;
import java.util.Map;

/**
 * The last sequence number the event store holds for each of several tokens' aggregates, read in one statement:
 * set-based revocation appends each token's next event without loading its aggregate. Implemented where the event
 * store is configured (token-app), which knows its tables.
 */
public interface AggregateSequences {

    /** The last stored sequence number of each of {@code tokens} that has events; a token without any is absent. */
    Map<AccessTokenId, Long> lastSequenceNumbers(Collection<AccessTokenId> tokens);
}
