package dev.vai.token;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A token was revoked, by whom and why. A token is revoked at most once. */
@Revision("1")
public record AccessTokenRevoked(
        AccessTokenId tokenId,
        OwnerId owner,
        Revoker revokedBy,
        RevocationReason reason,
        Instant revokedAt) {
}
