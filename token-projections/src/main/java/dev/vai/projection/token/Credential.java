package dev.vai.projection.token;

import dev.vai.token.AccessTokenId;
import dev.vai.token.OwnerId;
import dev.vai.token.Scopes;
import dev.vai.token.TokenHash;
import dev.vai.token.TokenType;
import java.time.Instant;

/** What authentication needs to know about the token a hash belongs to: the token itself and its stored hash. */
public record Credential(TokenView token, TokenHash hash) {

    public AccessTokenId tokenId() {
        return token.id();
    }

    public OwnerId owner() {
        return token.owner();
    }

    public TokenType type() {
        return token.type();
    }

    public Instant expiresAt() {
        return token.expiresAt();
    }

    public Instant lastUsedAt() {
        return token.lastUsedAt();
    }

    public Scopes scopes() {
        return token.scopes();
    }

    public boolean isRevoked() {
        return token.isRevoked();
    }

    public boolean isExpiredAt(Instant now) {
        return token.isExpiredAt(now);
    }
}
