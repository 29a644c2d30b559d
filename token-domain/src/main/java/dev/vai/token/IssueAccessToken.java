package dev.vai.token;

import java.time.Instant;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issue a new token. The caller generated the plaintext and passes only its hash and prefix, so the plaintext never
 * enters a message. {@code lifetime} is null for a token that never expires.
 */
public record IssueAccessToken(
        @TargetAggregateIdentifier AccessTokenId tokenId,
        OwnerId owner,
        TokenType type,
        TokenName name,
        TokenPrefix prefix,
        TokenHash hash,
        Instant issuedAt,
        Lifetime lifetime) {

    public IssueAccessToken {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    public Instant expiresAt() {
        return lifetime == null ? null : lifetime.expiresAt(issuedAt);
    }
}
