package dev.vai.token;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A token was issued. Carries the hash of its plaintext, never the plaintext. {@code expiresAt} null: no expiry. */
@Revision("1")
public record AccessTokenIssued(
        AccessTokenId tokenId,
        OwnerId owner,
        TokenType type,
        TokenName name,
        TokenPrefix prefix,
        TokenHash hash,
        Instant issuedAt,
        Instant expiresAt) {
}
