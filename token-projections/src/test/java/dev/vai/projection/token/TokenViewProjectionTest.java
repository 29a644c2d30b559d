package dev.vai.projection.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vai.token.AccessTokenId;
import dev.vai.token.AccessTokenIssued;
import dev.vai.token.AccessTokenRevoked;
import dev.vai.token.IssuedBy;
import dev.vai.token.OwnerId;
import dev.vai.token.RevocationReason;
import dev.vai.token.Revoker;
import dev.vai.token.ScopeCatalog;
import dev.vai.token.Scopes;
import dev.vai.token.TokenHash;
import dev.vai.token.TokenName;
import dev.vai.token.TokenPrefix;
import dev.vai.token.TokenType;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/**
 * The projection given events, then the rows it leaves, as the view the API shows. Its handlers are called as the
 * subscribing processor calls them, inside the command's transaction (here the test's); the schema is the entity's
 * (the migrations belong to the application and are checked there).
 */
@DataJpaTest
class TokenViewProjectionTest {

    private static final Instant ISSUED = Instant.parse("2026-11-28T10:15:30.123Z");
    private static final TokenRows ROWS = new TokenRows(ScopeCatalog.of(List.of("api")));

    @SpringBootApplication
    @Import({TokenViewProjection.class, ApiKeyCounts.class})
    static class Projection {
    }

    @Autowired
    TokenViewProjection projection;

    @Autowired
    TestEntityManager rows;

    @Autowired
    ApiKeyCounts counts;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void countsTable() {
        // the application's migration V8 creates it; the entity-made schema here has only the view
        jdbc.execute("create table if not exists api_key_counts (owner_id varchar(255) primary key,"
                + " unrevoked integer not null)");
    }

    @Test
    void anIssuedTokenIsAnActiveRow() {
        AccessTokenIssued issued = issued("alice");

        given(issued);

        TokenView view = rowOf(issued.tokenId());
        assertThat(view.owner()).isEqualTo(new OwnerId("alice"));
        assertThat(view.createdAt()).isEqualTo(ISSUED);
        assertThat(view.revokedAt()).isNull();
    }

    @Test
    void aRevocationMarksOnlyItsTokenRevokedAtTheEventsTime() {
        AccessTokenIssued revoked = issued("alice");
        AccessTokenIssued kept = issued("alice");
        Instant at = ISSUED.plusSeconds(60);

        given(revoked, kept, revocationOf(revoked, at));

        assertThat(rowOf(revoked.tokenId()).revokedAt()).isEqualTo(at);
        assertThat(rowOf(kept.tokenId()).revokedAt()).isNull();
    }

    @Test
    void aRevocationHandledAgainKeepsTheFirstTime() {
        AccessTokenIssued issued = issued("alice");
        Instant first = ISSUED.plusSeconds(60);

        given(issued, revocationOf(issued, first), revocationOf(issued, first.plusSeconds(60)));

        assertThat(rowOf(issued.tokenId()).revokedAt()).isEqualTo(first);
    }

    @Test
    void aRevocationOfATokenWithoutARowWritesNothing() {
        AccessTokenIssued never = issued("alice");

        given(revocationOf(never, ISSUED));

        assertThat(rows.find(TokenViewEntity.class, never.tokenId().value())).isNull();
    }

    @Test
    void revocationsHandledInOneUnitOfWorkAreAllWrittenWhenItCommits() {
        AccessTokenIssued first = issued("alice");
        AccessTokenIssued second = issued("alice");
        AccessTokenIssued kept = issued("alice");
        given(first, second, kept);
        Instant at = ISSUED.plusSeconds(60);

        // as the subscribing processor hands the projection a batch of set-based revocations
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            projection.on(revocationOf(first, at));
            projection.on(revocationOf(second, at));
            projection.on(revocationOf(first, at.plusSeconds(60)));
        });
        rows.clear();

        assertThat(rowOf(first.tokenId()).revokedAt()).isEqualTo(at);
        assertThat(rowOf(second.tokenId()).revokedAt()).isEqualTo(at);
        assertThat(rowOf(kept.tokenId()).revokedAt()).isNull();
    }

    @Test
    void eachOwnersUnrevokedApiKeysAreCountedWhenTheTransactionCommitsAndSessionsAreNot() {
        AccessTokenIssued first = issued("carol");
        AccessTokenIssued second = issued("carol");
        AccessTokenIssued third = issued("carol");
        AccessTokenIssued session = issued("carol", TokenType.SESSION);
        AccessTokenIssued other = issued("dave");
        Instant at = ISSUED.plusSeconds(60);
        given(first, second, third, session, other, revocationOf(session, at));
        // a batch of set-based revocations, one of them handled twice
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            projection.on(revocationOf(first, at));
            projection.on(revocationOf(second, at));
            projection.on(revocationOf(first, at.plusSeconds(60)));
        });
        assertThat(counts.unrevoked(new OwnerId("carol"))).as("nothing before the commit").isZero();

        TransactionSynchronizationUtils.triggerBeforeCommit(false);

        assertThat(counts.unrevoked(new OwnerId("carol"))).isEqualTo(1);
        assertThat(counts.unrevoked(new OwnerId("dave"))).isEqualTo(1);
        assertThat(counts.unrevoked(new OwnerId("erin"))).as("an owner without keys").isZero();
    }

    private void given(Object... events) {
        for (Object event : events) {
            if (event instanceof AccessTokenIssued issued) {
                projection.on(issued);
            } else {
                projection.on((AccessTokenRevoked) event);
            }
        }
        rows.flush();
        rows.clear();
    }

    private TokenView rowOf(AccessTokenId id) {
        TokenViewEntity row = rows.find(TokenViewEntity.class, id.value());
        assertThat(row).as("the row of %s", id).isNotNull();
        return row.toView(ROWS);
    }

    private static AccessTokenIssued issued(String owner) {
        return issued(owner, TokenType.API_KEY);
    }

    private static AccessTokenIssued issued(String owner, TokenType type) {
        return new AccessTokenIssued(AccessTokenId.random(), new OwnerId(owner), type,
                TokenName.of("ci deploys"), new TokenPrefix("vai_k_Ab3dE9"), TokenHash.of(new byte[TokenHash.LENGTH]),
                ISSUED, ISSUED.plusSeconds(86_400), Scopes.parse("api"), IssuedBy.ADMIN);
    }

    private static AccessTokenRevoked revocationOf(AccessTokenIssued issued, Instant at) {
        return new AccessTokenRevoked(issued.tokenId(), issued.owner(), Revoker.admin(), RevocationReason.ADMIN, at,
                issued.type(), issued.name(), issued.prefix(), issued.issuedAt(), issued.expiresAt());
    }
}
