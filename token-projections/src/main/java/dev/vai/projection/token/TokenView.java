package dev.vai.projection.token;

import dev.vai.token.AccessTokenId;
import dev.vai.token.OwnerId;
import dev.vai.token.Scopes;
import dev.vai.token.TokenPrefix;
import dev.vai.token.TokenType;
import java.time.Instant;

/**
 * A token as its owner sees it. {@code expiresAt}, {@code lastUsedAt} and {@code revokedAt} may be null. {@code scopes}
 * are those the catalog still has ({@link dev.vai.token.ScopeCatalog#effective(Scopes)}): what the token can do today.
 */
public record TokenView(
        AccessTokenId id,
        OwnerId owner,
        TokenType type,
        String name,
        TokenPrefix prefix,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt,
        Scopes scopes) {

    public PagePosition position() {
        return new PagePosition(createdAt, id);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** Expired at {@code expiresAt} itself, not one millisecond later. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
