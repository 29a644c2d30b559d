package dev.vai.app.schema;

import static dev.vai.app.support.Api.bearer;
import static dev.vai.app.support.Fixtures.aSession;
import static dev.vai.app.support.Fixtures.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vai.app.support.Api;
import dev.vai.app.support.Api.Issued;
import dev.vai.app.support.ServiceIT;
import dev.vai.projection.token.TokenViewProcessing;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read model is a projection of the events and nothing else: rebuilt from the event store alone, through the
 * projection's own handlers, it equals the one written live, row for row and column for column, for tokens that went
 * through every kind of change (scopes, lineage, revocation by the owner, by an admin, by revoke-all). Only
 * {@code last_used_at} is left out: usage is recorded beside the events, not as events. Each owner's count of
 * unrevoked API keys is rebuilt with it.
 */
@ServiceIT
class ReadModelRebuildIT {

    private static final String TOKENS = "/api/v1/access-tokens";
    private static final String ROWS = "select * from access_token_view where owner_id in (?, ?) order by token_id";
    /** An owner's count of 0 and no count are the same. */
    private static final String COUNTS = "select owner_id, unrevoked from api_key_counts where owner_id in (?, ?)"
            + " and unrevoked <> 0 order by owner_id";

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStorageEngine events;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theReadModelRebuiltFromTheEventsAloneEqualsTheOneWrittenLive() {
        String alice = "alice-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        Issued aliceSession = api.issue(aSession().forUser(alice));
        Issued writer = api.issue(anApiKey().named("writer").withScopes("api", "tokens:read", "tokens:write")
                .by(aliceSession));
        Issued child = api.issue(anApiKey().named("made by a key").withScopes("api").by(writer));
        Issued revoked = api.issue(anApiKey().named("revoked by alice").by(aliceSession));
        assertThat(api.delete(TOKENS + "/" + revoked.id(), bearer(aliceSession.plaintext())).status()).isEqualTo(204);
        Issued adminRevoked = api.issue(anApiKey().named("revoked by an admin").by(aliceSession));
        assertThat(api.delete("/internal/v1/access-tokens/" + adminRevoked.id(), api.admin()).status())
                .isEqualTo(204);
        Issued bobSession = api.issue(aSession().forUser(bob));
        api.issue(anApiKey().named("bob's first").by(bobSession));
        api.issue(anApiKey().named("bob's second").by(bobSession));
        assertThat(api.delete(TOKENS, bearer(bobSession.plaintext())).status()).isEqualTo(200);
        assertThat(api.get(TOKENS + "/" + child.id(), bearer(child.plaintext())).status()).as("used: lastUsedAt")
                .isEqualTo(200);

        List<Map<String, Object>> live = comparable(jdbc.queryForList(ROWS, alice, bob));
        assertThat(live).hasSize(8);
        Set<Object> ids = new HashSet<>();
        live.forEach(row -> ids.add(row.get("token_id").toString()));

        SubscribingEventProcessor projection = processing
                .eventProcessorByProcessingGroup(TokenViewProcessing.GROUP, SubscribingEventProcessor.class)
                .orElseThrow();
        List<Map<String, Object>> liveCounts = jdbc.queryForList(COUNTS, alice, bob);
        assertThat(liveCounts).as("alice's two unrevoked keys; bob has none left").hasSize(1);
        List<List<Map<String, Object>>> rebuilt = new TransactionTemplate(transactions).execute(status -> {
            jdbc.update("delete from access_token_view where owner_id in (?, ?)", alice, bob);
            jdbc.update("delete from api_key_counts where owner_id in (?, ?)", alice, bob);
            // every event in the store, in order, to its end (not a tracking stream, which would wait for more)
            try (Stream<? extends TrackedEventMessage<?>> stored = events.readEvents(null, false)) {
                stored.filter(event -> event instanceof org.axonframework.eventhandling.DomainEventMessage<?> domain
                                && ids.contains(domain.getAggregateIdentifier()))
                        .forEach(event -> DefaultUnitOfWork.startAndGet(event).execute(() -> {
                            try {
                                projection.eventHandlerInvoker().handle(event, Segment.ROOT_SEGMENT);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }));
            }
            List<Map<String, Object>> rows = comparable(jdbc.queryForList(ROWS, alice, bob));
            TransactionSynchronizationUtils.triggerBeforeCommit(false); // the key counts are written at the commit
            List<Map<String, Object>> counts = jdbc.queryForList(COUNTS, alice, bob);
            status.setRollbackOnly(); // leave the live read model as it was
            return List.of(rows, counts);
        });
        assertThat(rebuilt.get(0)).isEqualTo(live);
        assertThat(rebuilt.get(1)).isEqualTo(liveCounts);
    }

    /** The columns the events decide, as comparable values (byte arrays as hex). */
    private static List<Map<String, Object>> comparable(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> {
            Map<String, Object> copy = new java.util.TreeMap<>();
            row.forEach((column, value) -> {
                if (!column.equals("last_used_at")) {
                    copy.put(column, value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes)
                            : value == null ? "null" : value.toString());
                }
            });
            return (Map<String, Object>) copy;
        }).toList();
    }
}
