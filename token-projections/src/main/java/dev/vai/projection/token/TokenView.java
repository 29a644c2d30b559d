package dev.vai.projection.token;

import dev.vai.token.AccessTokenId;
import dev.vai.token.OwnerId;
import dev.vai.token.TokenPrefix;
import dev.vai.token.TokenType;
import java.time.Instant;

/** A token as its owner sees it. {@code expiresAt}, {@code lastUsedAt} and {@code revokedAt} may be null. */
public record TokenView(
        AccessTokenId id,
        OwnerId owner,
        TokenType type,
        String name,
        TokenPrefix prefix,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    public PagePosition position() {
        return new PagePosition(createdAt, id);
    }
}
