package dev.vai.token;

import static dev.vai.token.AccessTokenFixtures.ALICE;
import static dev.vai.token.AccessTokenFixtures.HASH;
import static dev.vai.token.AccessTokenFixtures.ISSUED_AT;
import static dev.vai.token.AccessTokenFixtures.LATER;
import static dev.vai.token.AccessTokenFixtures.MALLORY;
import static dev.vai.token.AccessTokenFixtures.PREFIX;
import static dev.vai.token.AccessTokenFixtures.TOKEN;
import static dev.vai.token.AccessTokenFixtures.aliceRevokes;
import static dev.vai.token.AccessTokenFixtures.apiKeyIssuedToAlice;
import static dev.vai.token.AccessTokenFixtures.issueApiKeyForAlice;
import static dev.vai.token.AccessTokenFixtures.revokedByAlice;

import java.time.Duration;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessTokenTest {

    private AggregateTestFixture<AccessToken> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccessToken.class);
    }

    @Test
    void issuingRecordsTheHashPrefixOwnerTypeNameAndTimes() {
        fixture.givenNoPriorActivity()
                .when(issueApiKeyForAlice(null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(apiKeyIssuedToAlice());
    }

    @Test
    void issuingWithALifetimeRecordsTheExpiry() {
        fixture.givenNoPriorActivity()
                .when(issueApiKeyForAlice(Lifetime.ofDays(30)))
                .expectEvents(new AccessTokenIssued(TOKEN, ALICE, TokenType.API_KEY, TokenName.of("ci deploy"),
                        PREFIX, HASH, ISSUED_AT, ISSUED_AT.plus(Duration.ofDays(30))));
    }

    @Test
    void revokingAnActiveTokenRecordsWhoRevokedItAndWhy() {
        fixture.given(apiKeyIssuedToAlice())
                .when(aliceRevokes())
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(true)
                .expectEvents(revokedByAlice());
    }

    @Test
    void theRevocationCarriesWhatTheTokenWasSoThatTheAuditRecordIsComplete() {
        fixture.given(new AccessTokenIssued(TOKEN, ALICE, TokenType.SESSION, TokenName.of("laptop"), PREFIX, HASH,
                        ISSUED_AT, LATER.plusSeconds(60)))
                .when(aliceRevokes())
                .expectEvents(new AccessTokenRevoked(TOKEN, ALICE, Revoker.owner(AccessTokenFixtures.CALLER_TOKEN),
                        RevocationReason.OWNER, LATER, TokenType.SESSION, TokenName.of("laptop"), PREFIX, ISSUED_AT,
                        LATER.plusSeconds(60)));
    }

    @Test
    void revokingTwiceEmitsOneEvent() {
        fixture.given(apiKeyIssuedToAlice(), revokedByAlice())
                .when(aliceRevokes())
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void anotherOwnerCannotRevokeTheTokenAndLearnsOnlyThatItIsNotFound() {
        fixture.given(apiKeyIssuedToAlice())
                .when(new RevokeAccessToken(TOKEN, MALLORY, Revoker.owner(AccessTokenId.random()),
                        RevocationReason.OWNER, LATER))
                .expectException(AccessTokenNotFound.class)
                .expectNoEvents();
    }

    @Test
    void theAdminRevocationIsRecordedAsTheAdmins() {
        fixture.given(apiKeyIssuedToAlice())
                .when(new RevokeAccessToken(TOKEN, ALICE, Revoker.admin(), RevocationReason.ADMIN, LATER))
                .expectEvents(AccessTokenFixtures.revoked(Revoker.admin(), RevocationReason.ADMIN));
    }

    @Test
    void revokeAllIsRecordedAsSuch() {
        AccessTokenId caller = AccessTokenId.random();
        fixture.given(apiKeyIssuedToAlice())
                .when(new RevokeAccessToken(TOKEN, ALICE, Revoker.owner(caller), RevocationReason.REVOKE_ALL, LATER))
                .expectEvents(AccessTokenFixtures.revoked(Revoker.owner(caller), RevocationReason.REVOKE_ALL));
    }
}
