package dev.vai.api.auth;

import dev.vai.token.AccessTokenId;
import dev.vai.token.InvalidAccessTokenId;
import dev.vai.token.Issuer;
import dev.vai.token.OwnerId;
import dev.vai.token.Scope;
import dev.vai.token.Scopes;
import dev.vai.token.TokenType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;

/**
 * The authenticated caller: the owner of the token that authenticated the request, and that token (its type, its
 * expiry, null if it never expires, and the scopes it holds today).
 */
public record Caller(AccessTokenId tokenId, OwnerId owner, TokenType type, Instant expiresAt, Scopes scopes) {

    /** The request attribute that holds the caller after a successful authentication. */
    public static final String ATTRIBUTE = Caller.class.getName();

    /** The caller authentication left in the request, or null outside the authenticated API. */
    public static Caller of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Caller caller ? caller : null;
    }

    public boolean holds(Scope scope) {
        return scopes.contains(scope);
    }

    /** Whether a path's {@code token_id} names the calling token itself: a token may always read and revoke itself. */
    public boolean isNamedBy(String pathId) {
        try {
            return AccessTokenId.parse(pathId).equals(tokenId);
        } catch (InvalidAccessTokenId e) {
            return false;
        }
    }

    /** The caller as the issuer of a token it asks for, with the authority it holds. */
    public Issuer.Token issuer() {
        return Issuer.token(tokenId, type, scopes, expiresAt);
    }
}
