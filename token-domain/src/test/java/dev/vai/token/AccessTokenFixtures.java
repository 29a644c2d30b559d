package dev.vai.token;

import java.time.Duration;
import java.time.Instant;

/** Intention-revealing commands and events for the aggregate tests. */
final class AccessTokenFixtures {

    static final AccessTokenId TOKEN = AccessTokenId.parse("5f0c6c1e-8d36-4c52-9a43-0f3b1c2d4e5f");
    static final AccessTokenId CALLER_TOKEN = AccessTokenId.parse("0b6f6f7e-2f1a-4b8e-8a3c-1d2e3f405162");
    static final AccessTokenId PARENT = AccessTokenId.parse("7c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e");
    static final OwnerId ALICE = new OwnerId("alice");
    static final OwnerId MALLORY = new OwnerId("mallory");
    static final Instant ISSUED_AT = Instant.parse("2026-11-28T10:15:30.123Z");
    static final Instant LATER = ISSUED_AT.plus(Duration.ofHours(1));
    static final TokenHash HASH = TokenHash.of(new byte[32]);
    static final TokenPrefix PREFIX = new TokenPrefix("vai_k_AbCdEf");
    static final TokenName NAME = TokenName.of("ci deploy");
    static final Scope API = new Scope("api");
    static final Scope BILLING = new Scope("billing");
    static final Scopes READ_ONLY = Scopes.of(API, Scope.TOKENS_READ);
    static final Scopes READ_WRITE = Scopes.of(API, Scope.TOKENS_READ, Scope.TOKENS_WRITE);

    private AccessTokenFixtures() {
    }

    /** Alice's browser session, which holds every scope and expires in 12 hours. */
    static Issuer alicesSession() {
        return Issuer.token(CALLER_TOKEN, TokenType.SESSION, READ_WRITE, ISSUED_AT.plus(Duration.ofHours(12)));
    }

    /** An API key of Alice's that was granted {@code scopes}, expiring at {@code expiresAt} (null: never). */
    static Issuer alicesApiKey(Scopes scopes, Instant expiresAt) {
        return Issuer.token(PARENT, TokenType.API_KEY, scopes, expiresAt);
    }

    static IssueAccessToken issueApiKeyForAlice(Issuer issuer, Scopes scopes, Instant expiresAt) {
        return new IssueAccessToken(TOKEN, ALICE, TokenType.API_KEY, NAME, PREFIX, HASH, ISSUED_AT, expiresAt, scopes,
                issuer);
    }

    static IssueAccessToken issueApiKeyForAlice(Instant expiresAt) {
        return issueApiKeyForAlice(alicesSession(), READ_ONLY, expiresAt);
    }

    static AccessTokenIssued apiKeyIssuedToAlice(Scopes scopes, Instant expiresAt, IssuedBy issuedBy) {
        return new AccessTokenIssued(TOKEN, ALICE, TokenType.API_KEY, NAME, PREFIX, HASH, ISSUED_AT, expiresAt, scopes,
                issuedBy);
    }

    static AccessTokenIssued apiKeyIssuedToAlice() {
        return apiKeyIssuedToAlice(READ_ONLY, null, IssuedBy.token(CALLER_TOKEN));
    }

    /** The key an API key of Alice's ({@link #PARENT}) created. */
    static AccessTokenIssued childKeyIssuedToAlice() {
        return apiKeyIssuedToAlice(READ_ONLY, LATER, IssuedBy.token(PARENT));
    }

    static RevokeAccessToken aliceRevokes() {
        return new RevokeAccessToken(TOKEN, ALICE, Revoker.owner(CALLER_TOKEN), RevocationReason.OWNER, LATER);
    }

    static AccessTokenRevoked revokedByAlice() {
        return revoked(Revoker.owner(CALLER_TOKEN), RevocationReason.OWNER);
    }

    /** The revocation of the API key {@link #apiKeyIssuedToAlice()} issued, by whom and why. */
    static AccessTokenRevoked revoked(Revoker revoker, RevocationReason reason) {
        return revoked(revoker, reason, null);
    }

    static AccessTokenRevoked revoked(Revoker revoker, RevocationReason reason, Instant expiresAt) {
        return new AccessTokenRevoked(TOKEN, ALICE, revoker, reason, LATER, TokenType.API_KEY, NAME, PREFIX,
                ISSUED_AT, expiresAt);
    }
}
