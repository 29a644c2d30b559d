package dev.vai.token;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A token was revoked, by whom and why. A token is revoked at most once. Revision 2 also carries what the token was
 * (type, name, prefix, issue and expiry times), so that the audit record built from this one event is complete.
 */
@Revision("2")
public record AccessTokenRevoked(
        AccessTokenId tokenId,
        OwnerId owner,
        Revoker revokedBy,
        RevocationReason reason,
        Instant revokedAt,
        TokenType type,
        TokenName name,
        TokenPrefix prefix,
        Instant issuedAt,
        Instant expiresAt) {
}
