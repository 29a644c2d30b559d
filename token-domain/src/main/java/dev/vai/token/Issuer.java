package dev.vai.token;

import java.time.Instant;
import java.util.Objects;

/**
 * Who asks for a token, with the authority they hold at that moment: the platform's admin (the internal API, which
 * mints sessions), or a token, with its type, scopes (those the catalog still has) and expiry.
 *
 * <p>A token issues only API keys, only with {@code tokens:write}, never a scope it does not hold; and an API key
 * never issues a key that outlives it ({@link #notAfter()}). A session's keys may outlive the session: a 12-hour
 * browser session creating a 30-day CI key is the main flow.
 */
public sealed interface Issuer {

    /** The internal API: it mints sessions with any scopes of the catalog. */
    record Admin() implements Issuer {

        @Override
        public IssuedBy issuedBy() {
            return IssuedBy.ADMIN;
        }

        @Override
        public Instant notAfter() {
            return null;
        }

        @Override
        public Scopes missingToGrant(Scopes requested) {
            return Scopes.NONE;
        }
    }

    /** A token asking for a key; {@code expiresAt} null if it never expires. */
    record Token(AccessTokenId tokenId, TokenType type, Scopes scopes, Instant expiresAt) implements Issuer {

        public Token {
            Objects.requireNonNull(tokenId, "tokenId");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(scopes, "scopes");
        }

        @Override
        public IssuedBy issuedBy() {
            return IssuedBy.token(tokenId);
        }

        @Override
        public Instant notAfter() {
            return type == TokenType.API_KEY ? expiresAt : null;
        }

        @Override
        public Scopes missingToGrant(Scopes requested) {
            Scopes missing = requested.notIn(scopes);
            return scopes.contains(Scope.TOKENS_WRITE) ? missing : missing.with(Scope.TOKENS_WRITE);
        }

        /** Whether this is an API key: its children are revoked with it, and are created under its lock. */
        public boolean isApiKey() {
            return type == TokenType.API_KEY;
        }
    }

    Issuer ADMIN = new Admin();

    static Issuer admin() {
        return ADMIN;
    }

    static Token token(AccessTokenId tokenId, TokenType type, Scopes scopes, Instant expiresAt) {
        return new Token(tokenId, type, scopes, expiresAt);
    }

    /** What the events record of this issuer. */
    IssuedBy issuedBy();

    /** The latest expiry a token this issuer creates may have: an expiring API key's own; null for no bound. */
    Instant notAfter();

    /** The scopes the issuer lacks to grant {@code requested}, and to create a token at all; empty if none. */
    Scopes missingToGrant(Scopes requested);

    default boolean isAdmin() {
        return this instanceof Admin;
    }

    /** Whether a token this issuer creates, expiring at {@code tokenExpiresAt} (null: never), would outlive it. */
    default boolean wouldBeOutlivedBy(Instant tokenExpiresAt) {
        Instant bound = notAfter();
        return bound != null && (tokenExpiresAt == null || tokenExpiresAt.isAfter(bound));
    }

    /** {@code tokenExpiresAt} (null: never), or this issuer's {@link #notAfter()} if the token would outlive it. */
    default Instant bound(Instant tokenExpiresAt) {
        return wouldBeOutlivedBy(tokenExpiresAt) ? notAfter() : tokenExpiresAt;
    }
}
