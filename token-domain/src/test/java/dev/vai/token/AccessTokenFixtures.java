package dev.vai.token;

import java.time.Duration;
import java.time.Instant;

/** Intention-revealing commands and events for the aggregate tests. */
final class AccessTokenFixtures {

    static final AccessTokenId TOKEN = AccessTokenId.parse("5f0c6c1e-8d36-4c52-9a43-0f3b1c2d4e5f");
    static final AccessTokenId CALLER_TOKEN = AccessTokenId.parse("0b6f6f7e-2f1a-4b8e-8a3c-1d2e3f405162");
    static final OwnerId ALICE = new OwnerId("alice");
    static final OwnerId MALLORY = new OwnerId("mallory");
    static final Instant ISSUED_AT = Instant.parse("2026-11-28T10:15:30.123Z");
    static final Instant LATER = ISSUED_AT.plus(Duration.ofHours(1));
    static final TokenHash HASH = TokenHash.of(new byte[32]);
    static final TokenPrefix PREFIX = new TokenPrefix("vai_k_AbCdEf");

    private AccessTokenFixtures() {
    }

    static IssueAccessToken issueApiKeyForAlice(Lifetime lifetime) {
        return new IssueAccessToken(TOKEN, ALICE, TokenType.API_KEY, TokenName.of("ci deploy"), PREFIX, HASH,
                ISSUED_AT, lifetime);
    }

    static AccessTokenIssued apiKeyIssuedToAlice() {
        return new AccessTokenIssued(TOKEN, ALICE, TokenType.API_KEY, TokenName.of("ci deploy"), PREFIX, HASH,
                ISSUED_AT, null);
    }

    static RevokeAccessToken aliceRevokes() {
        return new RevokeAccessToken(TOKEN, ALICE, Revoker.owner(CALLER_TOKEN), RevocationReason.OWNER, LATER);
    }

    static AccessTokenRevoked revokedByAlice() {
        return revoked(Revoker.owner(CALLER_TOKEN), RevocationReason.OWNER);
    }

    /** The revocation of the API key {@link #apiKeyIssuedToAlice()} issued, by whom and why. */
    static AccessTokenRevoked revoked(Revoker revoker, RevocationReason reason) {
        return new AccessTokenRevoked(TOKEN, ALICE, revoker, reason, LATER, TokenType.API_KEY,
                TokenName.of("ci deploy"), PREFIX, ISSUED_AT, null);
    }
}
