package dev.vai.api.auth;

import dev.vai.projection.token.TokenView;
import dev.vai.token.AccessTokenId;
import jakarta.servlet.http.HttpServletRequest;

/**
 * One more token that authentication read in the credential's own statement (see
 * {@link dev.vai.projection.token.CredentialLookup#findByHash(dev.vai.token.TokenHash, AccessTokenId)}), because the
 * request's owner asked for it through {@link Request}: one round trip to the database instead of two. {@code token}
 * is null when the caller owns no token of that id. Left in the request attribute {@link #ATTRIBUTE} after a
 * successful authentication; never kept beyond the request. Authentication knows nothing of routes.
 */
public record ReadAlong(AccessTokenId requested, TokenView token) {

    public static final String ATTRIBUTE = ReadAlong.class.getName();

    /** Implemented by the package that owns a request which reads one token, to have it read with the credential. */
    @FunctionalInterface
    public interface Request {

        /** The id of the token {@code request} will read, or null. Must not read the body or do any I/O. */
        AccessTokenId tokenToRead(HttpServletRequest request);
    }

    /** What authentication read alongside the caller's credential for this request, or null. */
    public static ReadAlong of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof ReadAlong read ? read : null;
    }

    /** Whether this is the read of token {@code id}. */
    public boolean covers(AccessTokenId id) {
        return requested.equals(id);
    }
}
