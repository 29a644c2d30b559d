package dev.vai.token;

import org.axonframework.serialization.Revision;
import java.time.Instant;

/**
 * A token was issued. Carries the hash of its plaintext, never the plaintext. {@code expiresAt} null: no expiry.
 * Revision 2 adds the token's {@code scopes} and who it was {@code issuedBy}; stored revision-1 events are read
 * through an upcaster that gives them fixed defaults (see the application module's {@code AccessTokenIssuedUpcaster}).
 */
@Revision("2")
public record AccessTokenIssued(
        AccessTokenId tokenId,
        OwnerId owner,
        TokenType type,
        TokenName name,
        TokenPrefix prefix,
        TokenHash hash,
        Instant issuedAt,
        Instant expiresAt,
        Scopes scopes,
        IssuedBy issuedBy) {

    /** The event that issuing {@code command} records: the one mapping from the command to what is stored. */
    public static AccessTokenIssued of(IssueAccessToken command) {
        return new AccessTokenIssued(command.tokenId(), command.owner(), command.type(), command.name(),
                command.prefix(), command.hash(), command.issuedAt(), command.expiresAt(), command.scopes(),
                command.issuer().issuedBy());
    }
}
