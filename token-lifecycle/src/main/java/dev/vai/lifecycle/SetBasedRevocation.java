package dev.vai.lifecycle;

import dev.vai.projection.token.TokenQueries;
import dev.vai.projection.token.TokenView;
import dev.vai.token.AccessToken;
import dev.vai.token.AccessTokenId;
import dev.vai.token.AccessTokenRevoked;
import dev.vai.token.OwnerId;
import dev.vai.token.RequestContext;
import dev.vai.token.RevocationReason;
import dev.vai.token.RevokeAccessToken;
import dev.vai.token.Revoker;
import dev.vai.token.TokenName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revoke-all and deprovisioning as set-based work: a batch of one owner's tokens is revoked in the caller's
 * transaction by appending their {@link AccessTokenRevoked} events together, without a command, and so without
 * loading each token's aggregate from its events, per token (that round trip per token was most of a mass
 * revocation's cost: bench/RESULTS.md). The events are published as one list: the read model and the outbox take
 * them in this transaction, as they take a command's.
 *
 * <p>The aggregate's rules for these revocations hold without it: the tokens are the owner's (the caller read them by
 * owner, and the owner is not a column anything updates); the reason is never {@code parent_revoked} (refused here;
 * lineage goes through the aggregate, which checks the parent); and each token is revoked at most once. For that,
 * the batch's unrevoked read-model rows are locked first ({@link TokenQueries#lockUnrevoked}), and a token whose row
 * is revoked, or is revoked by a transaction that commits while this one waits, is left out: the read model commits
 * with the events, so an unrevoked row means no revocation has committed. A revocation still in flight elsewhere has
 * not committed its event; this one appends at the aggregate's next sequence number, and the event table's unique
 * aggregate/sequence key lets only one of the two commit (the loser rolls back and retries, as a command's write
 * conflict does).
 */
@Component
class SetBasedRevocation {

    /** The aggregate type Axon records with each of the aggregate's events (its simple class name). */
    private static final String AGGREGATE_TYPE = AccessToken.class.getSimpleName();

    private final EventStore events;
    private final TokenQueries queries;
    private final AggregateSequences sequences;

    SetBasedRevocation(EventStore events, TokenQueries queries, AggregateSequences sequences) {
        this.events = events;
        this.queries = queries;
        this.sequences = sequences;
    }

    /**
     * Revokes those of {@code tokens} (all of them {@code owner}'s) that are not revoked yet, in the caller's
     * transaction; answers them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<TokenView> revoke(OwnerId owner, List<TokenView> tokens, Revoker revoker, RevocationReason reason,
            Instant now, RequestContext context) {
        if (reason == RevocationReason.PARENT_REVOKED) {
            throw new IllegalArgumentException("A parent's revocation goes through the aggregate, which checks it");
        }
        List<TokenView> unrevoked = queries.lockUnrevoked(tokens.stream().map(TokenView::id).toList());
        Map<AccessTokenId, Long> last = sequences.lastSequenceNumbers(unrevoked.stream().map(TokenView::id).toList());
        MetaData metaData = MetaData.from(context.toMetaData());
        List<DomainEventMessage<?>> messages = new ArrayList<>(unrevoked.size());
        for (TokenView token : unrevoked) {
            if (!token.owner().equals(owner)) {
                throw new IllegalArgumentException("Token " + token.id() + " is not owner " + owner + "'s");
            }
            // the command's own checks (reason and revoker go together), though no handler receives it
            RevokeAccessToken command = new RevokeAccessToken(token.id(), owner, revoker, reason, now);
            AccessTokenRevoked event = new AccessTokenRevoked(command.tokenId(), owner, command.revoker(),
                    command.reason(), command.revokedAt(), token.type(), new TokenName(token.name()), token.prefix(),
                    token.createdAt(), token.expiresAt());
            messages.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, token.id().toString(),
                    nextSequenceNumber(last, token.id()), event, metaData));
        }
        if (!messages.isEmpty()) {
            DefaultUnitOfWork.startAndGet(null).execute(() -> events.publish(messages));
        }
        return unrevoked;
    }

    private static long nextSequenceNumber(Map<AccessTokenId, Long> last, AccessTokenId id) {
        Long sequenceNumber = last.get(id);
        if (sequenceNumber == null) {
            throw new IllegalStateException("Token " + id + " has a row but no events");
        }
        return sequenceNumber + 1;
    }
}
