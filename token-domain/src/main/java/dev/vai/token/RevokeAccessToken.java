package dev.vai.token;

import java.time.Instant;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Revoke a token of {@code owner}. Answers {@code true} when this command revoked it, {@code false} when it was
 * revoked already (and then records nothing). {@code owner} is the owner the revoker acts for, and the token must be
 * theirs; the platform's admin, who may revoke any owner's token, names none ({@link #byAdmin}).
 */
public record RevokeAccessToken(
        @TargetAggregateIdentifier AccessTokenId tokenId,
        OwnerId owner,
        Revoker revoker,
        RevocationReason reason,
        Instant revokedAt) {

    public RevokeAccessToken {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(revoker, "revoker");
        if (owner == null && !revoker.isAdmin()) {
            throw new IllegalArgumentException("Only the admin revokes without acting for the token's owner");
        }
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(revokedAt, "revokedAt");
        if (revoker.isAdmin() != (reason == RevocationReason.ADMIN)) {
            throw new IllegalArgumentException("The reason 'admin' goes with the admin revoker, and only with it");
        }
        if ((revoker.kind() == Revoker.Kind.PARENT) != (reason == RevocationReason.PARENT_REVOKED)) {
            throw new IllegalArgumentException("The reason 'parent_revoked' goes with a parent revoker, and only with it");
        }
    }

    /** The admin's revocation of {@code tokenId}, whoever owns it. */
    public static RevokeAccessToken byAdmin(AccessTokenId tokenId, Instant revokedAt) {
        return new RevokeAccessToken(tokenId, null, Revoker.admin(), RevocationReason.ADMIN, revokedAt);
    }
}
