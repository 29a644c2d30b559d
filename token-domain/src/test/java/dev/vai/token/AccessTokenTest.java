package dev.vai.token;

import static dev.vai.token.AccessTokenFixtures.ALICE;
import static dev.vai.token.AccessTokenFixtures.API;
import static dev.vai.token.AccessTokenFixtures.BILLING;
import static dev.vai.token.AccessTokenFixtures.CALLER_TOKEN;
import static dev.vai.token.AccessTokenFixtures.HASH;
import static dev.vai.token.AccessTokenFixtures.ISSUED_AT;
import static dev.vai.token.AccessTokenFixtures.LATER;
import static dev.vai.token.AccessTokenFixtures.MALLORY;
import static dev.vai.token.AccessTokenFixtures.NAME;
import static dev.vai.token.AccessTokenFixtures.PARENT;
import static dev.vai.token.AccessTokenFixtures.PREFIX;
import static dev.vai.token.AccessTokenFixtures.READ_ONLY;
import static dev.vai.token.AccessTokenFixtures.READ_WRITE;
import static dev.vai.token.AccessTokenFixtures.TOKEN;
import static dev.vai.token.AccessTokenFixtures.aliceRevokes;
import static dev.vai.token.AccessTokenFixtures.alicesApiKey;
import static dev.vai.token.AccessTokenFixtures.alicesSession;
import static dev.vai.token.AccessTokenFixtures.apiKeyIssuedToAlice;
import static dev.vai.token.AccessTokenFixtures.childKeyIssuedToAlice;
import static dev.vai.token.AccessTokenFixtures.issueApiKeyForAlice;
import static dev.vai.token.AccessTokenFixtures.revoked;
import static dev.vai.token.AccessTokenFixtures.revokedByAlice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
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
    void issuingRecordsTheHashPrefixOwnerTypeNameTimesScopesAndIssuer() {
        fixture.givenNoPriorActivity()
                .when(issueApiKeyForAlice(null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(apiKeyIssuedToAlice());
    }

    @Test
    void issuingWithAnExpiryRecordsIt() {
        Instant in30Days = ISSUED_AT.plus(Duration.ofDays(30));
        fixture.givenNoPriorActivity()
                .when(issueApiKeyForAlice(in30Days))
                .expectEvents(apiKeyIssuedToAlice(READ_ONLY, in30Days, IssuedBy.token(CALLER_TOKEN)));
    }

    @Test
    void theAdminMintsSessionsWithAnyScopesAndIsRecordedAsTheIssuer() {
        Scopes billingOnly = Scopes.of(BILLING);
        fixture.givenNoPriorActivity()
                .when(new IssueAccessToken(TOKEN, ALICE, TokenType.SESSION, NAME, PREFIX, HASH, ISSUED_AT, LATER,
                        billingOnly, Issuer.admin()))
                .expectEvents(new AccessTokenIssued(TOKEN, ALICE, TokenType.SESSION, NAME, PREFIX, HASH, ISSUED_AT,
                        LATER, billingOnly, IssuedBy.ADMIN));
    }

    @Test
    void aTokenCannotMintASession() {
        assertThatThrownBy(() -> new IssueAccessToken(TOKEN, ALICE, TokenType.SESSION, NAME, PREFIX, HASH, ISSUED_AT,
                LATER, READ_ONLY, alicesSession())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTokenWithoutTokensWriteCannotCreateAKey() {
        fixture.givenNoPriorActivity()
                .when(issueApiKeyForAlice(alicesApiKey(READ_ONLY, null), Scopes.NONE, LATER))
                .expectException(InsufficientScope.class)
                .expectExceptionMessage("Insufficient scope: missing tokens:write")
                .expectNoEvents();
    }

    @Test
    void aTokenCannotGrantAScopeItDoesNotHoldAndIsToldEveryMissingOne() {
        Scopes held = Scopes.of(Scope.TOKENS_WRITE);
        fixture.givenNoPriorActivity()
                .when(issueApiKeyForAlice(alicesApiKey(held, LATER), Scopes.of(API, BILLING, Scope.TOKENS_WRITE),
                        LATER))
                .expectException(InsufficientScope.class)
                .expectExceptionMessage("Insufficient scope: missing api billing")
                .expectNoEvents();
    }

    @Test
    void aTokenMayGrantWhatItHoldsOrLess() {
        fixture.givenNoPriorActivity()
                .when(issueApiKeyForAlice(alicesApiKey(READ_WRITE, LATER), READ_WRITE, LATER))
                .expectEvents(apiKeyIssuedToAlice(READ_WRITE, LATER, IssuedBy.token(PARENT)));
    }

    @Test
    void aKeyCreatedByAnApiKeyExpiresWithItAtTheLatest() {
        fixture.givenNoPriorActivity()
                .when(issueApiKeyForAlice(alicesApiKey(READ_WRITE, LATER), READ_ONLY, LATER.plusMillis(1)))
                .expectEvents(apiKeyIssuedToAlice(READ_ONLY, LATER, IssuedBy.token(PARENT)));
    }

    @Test
    void aKeyCreatedByAnExpiringApiKeyCannotBeEverlasting() {
        fixture.givenNoPriorActivity()
                .when(issueApiKeyForAlice(alicesApiKey(READ_WRITE, LATER), READ_ONLY, null))
                .expectEvents(apiKeyIssuedToAlice(READ_ONLY, LATER, IssuedBy.token(PARENT)));
    }

    @Test
    void aKeyCreatedByAnApiKeyMayExpireBeforeIt() {
        Instant sooner = LATER.minusSeconds(60);
        fixture.givenNoPriorActivity()
                .when(issueApiKeyForAlice(alicesApiKey(READ_WRITE, LATER), READ_ONLY, sooner))
                .expectEvents(apiKeyIssuedToAlice(READ_ONLY, sooner, IssuedBy.token(PARENT)));
    }

    @Test
    void aKeyCreatedByAnEverlastingApiKeyMayBeEverlastingToo() {
        fixture.givenNoPriorActivity()
                .when(issueApiKeyForAlice(alicesApiKey(READ_WRITE, null), READ_ONLY, null))
                .expectEvents(apiKeyIssuedToAlice(READ_ONLY, null, IssuedBy.token(PARENT)));
    }

    @Test
    void aKeyCreatedByASessionMayOutliveTheSession() {
        Instant in30Days = ISSUED_AT.plus(Duration.ofDays(30));
        fixture.givenNoPriorActivity()
                .when(issueApiKeyForAlice(alicesSession(), READ_ONLY, in30Days))
                .expectSuccessfulHandlerExecution()
                .expectEvents(apiKeyIssuedToAlice(READ_ONLY, in30Days, IssuedBy.token(CALLER_TOKEN)));
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
                        ISSUED_AT, LATER.plusSeconds(60), READ_WRITE, IssuedBy.ADMIN))
                .when(aliceRevokes())
                .expectEvents(new AccessTokenRevoked(TOKEN, ALICE, Revoker.owner(CALLER_TOKEN),
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
                .expectEvents(revoked(Revoker.admin(), RevocationReason.ADMIN));
    }

    @Test
    void theAdminRevokesAnyOwnersTokenWithoutNamingTheOwner() {
        fixture.given(apiKeyIssuedToAlice())
                .when(RevokeAccessToken.byAdmin(TOKEN, LATER))
                .expectEvents(revoked(Revoker.admin(), RevocationReason.ADMIN));
    }

    @Test
    void revokeAllIsRecordedAsSuch() {
        AccessTokenId caller = AccessTokenId.random();
        fixture.given(apiKeyIssuedToAlice())
                .when(new RevokeAccessToken(TOKEN, ALICE, Revoker.owner(caller), RevocationReason.REVOKE_ALL, LATER))
                .expectEvents(revoked(Revoker.owner(caller), RevocationReason.REVOKE_ALL));
    }

    @Test
    void aKeyIsRevokedWithItsParentAndTheRecordNamesTheParent() {
        fixture.given(childKeyIssuedToAlice())
                .when(new RevokeAccessToken(TOKEN, ALICE, Revoker.parent(PARENT), RevocationReason.PARENT_REVOKED,
                        LATER))
                .expectResultMessagePayload(true)
                .expectEvents(revoked(Revoker.parent(PARENT), RevocationReason.PARENT_REVOKED, LATER));
    }

    @Test
    void aKeyIsNotRevokedForTheRevocationOfATokenThatDidNotIssueIt() {
        fixture.given(childKeyIssuedToAlice())
                .when(new RevokeAccessToken(TOKEN, ALICE, Revoker.parent(CALLER_TOKEN),
                        RevocationReason.PARENT_REVOKED, LATER))
                .expectException(NotItsParent.class)
                .expectNoEvents();
    }

    @Test
    void aKeyOfUnknownLineageHasNoParentToBeRevokedWith() {
        fixture.given(apiKeyIssuedToAlice(READ_ONLY, null, IssuedBy.UNKNOWN))
                .when(new RevokeAccessToken(TOKEN, ALICE, Revoker.parent(PARENT), RevocationReason.PARENT_REVOKED,
                        LATER))
                .expectException(NotItsParent.class)
                .expectNoEvents();
    }

    @Test
    void theParentReasonGoesWithAParentRevokerOnly() {
        assertThatThrownBy(() -> new RevokeAccessToken(TOKEN, ALICE, Revoker.owner(PARENT),
                RevocationReason.PARENT_REVOKED, LATER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RevokeAccessToken(TOKEN, ALICE, Revoker.parent(PARENT), RevocationReason.OWNER,
                LATER)).isInstanceOf(IllegalArgumentException.class);
    }
}
