package dev.vai.projection.token;

import dev.vai.token.AccessTokenId;
import dev.vai.token.OwnerId;
import dev.vai.token.TokenHash;
import dev.vai.token.TokenType;
import java.time.Instant;

/** What authentication needs to know about the token a hash belongs to. */
public record Credential(
        AccessTokenId tokenId,
        OwnerId owner,
        TokenType type,
        TokenHash hash,
        Instant expiresAt,
        Instant revokedAt,
        Instant lastUsedAt) {

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** Expired at {@code expiresAt} itself, not one millisecond later. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
