package dev.vai.app.audit;

import static dev.vai.app.support.Api.bearer;
import static dev.vai.app.support.Fixtures.aSession;
import static dev.vai.app.support.Fixtures.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vai.app.support.Api;
import dev.vai.app.support.Api.Issued;
import dev.vai.app.support.ServiceIT;
import dev.vai.token.AccessTokenId;
import dev.vai.token.OwnerId;
import dev.vai.token.RevocationReason;
import dev.vai.token.RevokeAccessToken;
import dev.vai.token.Revoker;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gap trap (shared/notes/kafka-audit.md): an event whose transaction commits long after events with higher
 * global indexes have been exported must still be exported. A tracking processor with a gap timeout of a few
 * seconds would have moved past it for good; the outbox has no position to move past.
 */
@ServiceIT
class LateCommitIT {

    private static final Duration HELD_OPEN = Duration.ofSeconds(5);

    @Autowired
    Api api;
    @Autowired
    CommandGateway commands;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anEventCommittedAfterLaterEventsWereExportedIsStillExported() throws Exception {
        String userId = "late-" + UUID.randomUUID();
        Issued owner = api.issue(aSession().forUser(userId));
        Issued slow = api.issue(anApiKey().named("committed late").by(owner));
        Issued fast = api.issue(anApiKey().named("committed at once").by(owner));
        AuditStreamIT.recordsAbout(Set.of(slow.id(), fast.id()), 2);

        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread held = new Thread(() -> {
            try {
                new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                    commands.sendAndWait(new RevokeAccessToken(AccessTokenId.parse(slow.id()),
                            new OwnerId(userId),
                            Revoker.owner(AccessTokenId.parse(owner.id())), RevocationReason.OWNER, Instant.now()));
                    appended.countDown();
                    await(release);
                });
            } catch (Throwable e) {
                failure.set(e);
                appended.countDown();
            }
        }, "held-open-transaction");
        held.start();
        assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(failure.get()).isNull();

        assertThat(api.delete("/api/v1/access-tokens/" + fast.id(), bearer(owner.plaintext())).status()).isEqualTo(204);
        assertThat(AuditStreamIT.recordsAbout(Set.of(fast.id()), 2)).hasSize(2);
        Thread.sleep(HELD_OPEN.toMillis());
        release.countDown();
        held.join(10_000);
        assertThat(failure.get()).isNull();

        String lastIndex = "select max(global_index) from domain_event_entry where aggregate_identifier = ?";
        Long slowIndex = jdbc.queryForObject(lastIndex, Long.class, slow.id());
        Long fastIndex = jdbc.queryForObject(lastIndex, Long.class, fast.id());
        assertThat(slowIndex).as("the late event sits below one exported before it committed").isLessThan(fastIndex);
        assertThat(AuditStreamIT.recordsAbout(Set.of(slow.id()), 2)).hasSize(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
