package dev.vai.token;

import java.time.Instant;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issue a new token. The caller generated the plaintext and passes only its hash and prefix, so the plaintext never
 * enters a message. {@code expiresAt} is null for a token that never expires. {@code issuer} is who asks, with the
 * authority it holds: the aggregate refuses what that authority does not cover. A token issued by an expiring API key
 * expires with it at the latest: the command bounds {@code expiresAt} by the issuer's {@link Issuer#notAfter()}, so no
 * command can ask for a key that outlives its creator.
 */
public record IssueAccessToken(
        @TargetAggregateIdentifier AccessTokenId tokenId,
        OwnerId owner,
        TokenType type,
        TokenName name,
        TokenPrefix prefix,
        TokenHash hash,
        Instant issuedAt,
        Instant expiresAt,
        Scopes scopes,
        Issuer issuer) {

    public IssueAccessToken {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(issuer, "issuer");
        expiresAt = issuer.bound(expiresAt);
        if (type == TokenType.SESSION && !issuer.isAdmin()) {
            throw new IllegalArgumentException("Sessions are minted by the platform's admin only");
        }
    }
}
