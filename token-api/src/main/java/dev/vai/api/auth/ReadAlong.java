package dev.vai.api.auth;

import dev.vai.projection.token.TokenView;
import dev.vai.token.AccessTokenId;
import dev.vai.token.InvalidAccessTokenId;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The token a {@code GET /api/v1/access-tokens/{token_id}} asks for, read by authentication's own statement (see
 * {@link dev.vai.projection.token.CredentialLookup#findByHash(dev.vai.token.TokenHash, AccessTokenId)}): the
 * busiest authenticated request costs one round trip to the database, not two. {@code token} is null when the
 * caller owns no token of that id. Left in the request attribute {@link #ATTRIBUTE} after a successful
 * authentication; never cached beyond the request.
 */
public record ReadAlong(AccessTokenId requested, TokenView token) {

    public static final String ATTRIBUTE = ReadAlong.class.getName();
    public static final String PATH = "/api/v1/access-tokens/";

    /**
     * The id a request reads, if it is a plain {@code GET} of one token whose id is a well-formed UUID as written
     * (anything else, encoded or malformed, is left to the controller and its validation); null otherwise.
     */
    public static AccessTokenId requestedBy(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (!"GET".equals(request.getMethod()) || !uri.startsWith(PATH) || uri.length() != PATH.length() + 36) {
            return null;
        }
        try {
            return AccessTokenId.parse(uri.substring(PATH.length()));
        } catch (InvalidAccessTokenId e) {
            return null;
        }
    }

    /** What authentication read alongside the caller's credential for this request, or null. */
    public static ReadAlong of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof ReadAlong read ? read : null;
    }
}
