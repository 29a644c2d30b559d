package dev.vai.projection.token;

import dev.vai.token.AccessTokenIssued;
import dev.vai.token.AccessTokenRevoked;
import dev.vai.token.TokenType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@code access_token_view} in step with the events. Runs in the processing group
 * {@value TokenViewProcessing#GROUP}, which is subscribing with a propagating error handler: the row commits with the
 * event or neither does, so a token is usable the moment it is issued and refused the moment its revocation returns.
 *
 * <p>Plain SQL on the transaction's connection, as the reads and the event store do: a Hibernate entity per issued
 * token, flushed at every commit, was a tenth of a create's CPU (bench/RESULTS.md). {@link TokenViewEntity} maps the
 * same row for the listing's queries.
 *
 * <p>It also keeps {@link ApiKeyCounts}: one more for each API key issued, one fewer for each whose row a revocation
 * marked, summed per owner and written just before the transaction commits, after every other statement of it.
 */
@Component
@ProcessingGroup(TokenViewProcessing.GROUP)
class TokenViewProjection {

    /** The unit of work's resource holding its revocations until it prepares to commit. */
    private static final String PENDING_REVOCATIONS = TokenViewProjection.class.getName() + ".revocations";

    private final JdbcTemplate jdbc;
    private final ApiKeyCounts counts;

    TokenViewProjection(JdbcTemplate jdbc, ApiKeyCounts counts) {
        this.jdbc = jdbc;
        this.counts = counts;
    }

    @EventHandler
    void on(AccessTokenIssued event) {
        jdbc.update("insert into access_token_view (token_id, owner_id, token_type, name, token_prefix, token_hash,"
                        + " created_at, expires_at, scopes, issued_by_kind, issued_by_token_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.tokenId().value(), event.owner().value(), event.type().name(), event.name().value(),
                event.prefix().value(), event.hash().bytes(), timestamp(event.issuedAt()),
                timestamp(event.expiresAt()), event.scopes().toString(), event.issuedBy().kind().wireName(),
                event.issuedBy().tokenId() == null ? null : event.issuedBy().tokenId().value());
        if (event.type() == TokenType.API_KEY) {
            countKeys(event.owner().value(), 1);
        }
    }

    /**
     * Within a unit of work (a command's, or a batch of set-based revocations) the rows are marked as one JDBC batch
     * when it prepares to commit: before the command or the batch returns, so before a revocation looks for the keys
     * the token issued, and in the event's transaction. Without one, at once.
     */
    @EventHandler
    void on(AccessTokenRevoked event) {
        if (!CurrentUnitOfWork.isStarted()) {
            markRevoked(List.of(event));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        unitOfWork.getOrComputeResource(PENDING_REVOCATIONS, key -> {
            List<AccessTokenRevoked> pending = new ArrayList<>();
            unitOfWork.onPrepareCommit(done -> markRevoked(pending));
            return pending;
        }).add(event);
    }

    private void markRevoked(List<AccessTokenRevoked> events) {
        int[][] marked = jdbc.batchUpdate("update access_token_view set revoked_at = ? where token_id = ?"
                        + " and revoked_at is null", events, events.size(), (statement, event) -> {
                    statement.setTimestamp(1, timestamp(event.revokedAt()));
                    statement.setObject(2, event.tokenId().value());
                });
        for (int i = 0; i < events.size(); i++) {
            // a revocation handled again marks nothing and counts nothing; a count not reported stays counted
            if (events.get(i).type() == TokenType.API_KEY && marked[0][i] == 1) {
                countKeys(events.get(i).owner().value(), -1);
            }
        }
    }

    /**
     * Within a transaction the owner's change waits for its commit, summed with the transaction's other changes
     * (revoke-all writes one per owner, not one per key); outside of one it is written at once. The changes live in
     * the transaction's own synchronization, so they end with it, whatever its outcome.
     */
    private void countKeys(String owner, int change) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counts.add(Map.of(owner, change));
            return;
        }
        PendingCounts pending = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(PendingCounts.class::isInstance).map(PendingCounts.class::cast).findFirst()
                .orElseGet(() -> {
                    PendingCounts created = new PendingCounts();
                    TransactionSynchronizationManager.registerSynchronization(created);
                    return created;
                });
        pending.changes.merge(owner, change, Integer::sum);
    }

    /** One transaction's API key count changes, written just before it commits. */
    private final class PendingCounts implements TransactionSynchronization {

        private final Map<String, Integer> changes = new HashMap<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            counts.add(changes);
            changes.clear();
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
