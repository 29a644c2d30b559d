package dev.vai.token;

import java.time.Instant;
import java.util.Objects;

/**
 * Who asks for a token, with the authority they hold at that moment: the platform's admin (the internal API, which
 * mints sessions), or a token: its id, type, scopes (those the catalog still has) and expiry.
 *
 * <p>A token issues only API keys, only with {@code tokens:write}, never a scope it does not hold; and an API key
 * never issues a key that outlives it ({@link #notAfter()}). A session's keys may outlive the session: a 12-hour
 * browser session creating a 30-day CI key is the main flow.
 */
public record Issuer(AccessTokenId tokenId, TokenType type, Scopes scopes, Instant expiresAt) {

    private static final Issuer ADMIN = new Issuer(null, null, null, null);

    public Issuer {
        if (tokenId != null) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(scopes, "scopes");
        } else if (type != null || scopes != null || expiresAt != null) {
            throw new IllegalArgumentException("The admin issues as no token");
        }
    }

    public static Issuer admin() {
        return ADMIN;
    }

    public static Issuer token(AccessTokenId tokenId, TokenType type, Scopes scopes, Instant expiresAt) {
        return new Issuer(Objects.requireNonNull(tokenId, "tokenId"), type, scopes, expiresAt);
    }

    public boolean isAdmin() {
        return tokenId == null;
    }

    public IssuedBy issuedBy() {
        return isAdmin() ? IssuedBy.ADMIN : IssuedBy.token(tokenId);
    }

    /** The latest expiry a token this issuer creates may have: an expiring API key's own; null for no bound. */
    public Instant notAfter() {
        return type == TokenType.API_KEY ? expiresAt : null;
    }

    /** Whether a token this issuer creates, expiring at {@code tokenExpiresAt} (null: never), would outlive it. */
    public boolean wouldBeOutlivedBy(Instant tokenExpiresAt) {
        Instant bound = notAfter();
        return bound != null && (tokenExpiresAt == null || tokenExpiresAt.isAfter(bound));
    }

    /** The scopes the issuer lacks to grant {@code requested}, and to create a token at all; empty if none. */
    public Scopes missingToGrant(Scopes requested) {
        if (isAdmin()) {
            return Scopes.NONE;
        }
        Scopes missing = requested.notIn(scopes);
        return scopes.contains(Scope.TOKENS_WRITE) ? missing : missing.with(Scope.TOKENS_WRITE);
    }
}
