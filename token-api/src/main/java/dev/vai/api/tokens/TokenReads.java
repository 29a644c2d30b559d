package dev.vai.api.tokens;

import dev.vai.api.auth.Caller;
import dev.vai.api.auth.ReadAlong;
import dev.vai.api.auth.ScopeCheck;
import dev.vai.api.web.ApiExceptionHandler;
import dev.vai.api.web.ApiProblem;
import dev.vai.api.web.PathParameters;
import dev.vai.projection.token.TokenQueries;
import dev.vai.projection.token.TokenView;
import dev.vai.token.AccessTokenId;
import dev.vai.token.InvalidAccessTokenId;
import dev.vai.token.Scope;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/v1/access-tokens/{token_id}}, the busiest authenticated request: its route and its one rule, for the
 * controller and for {@link TokenReadFilter}, which answers it without Spring MVC's dispatch. It asks authentication
 * to read the token in the credential's own statement ({@link ReadAlong.Request}), so that no shape of the request
 * costs a second query.
 *
 * <p>The rule, in order: a token may always read itself; any other id needs {@code tokens:read} (403, even for a
 * malformed id); then the id must be a UUID (422); then the token must be the caller's (404, the same body whether it
 * does not exist or is another owner's).
 */
@Component
class TokenReads implements ReadAlong.Request {

    static final String ROUTE = AccessTokensController.PATH + "/{" + AccessTokensController.TOKEN_ID + "}";
    private static final String PREFIX = AccessTokensController.PATH + "/";

    private final TokenQueries queries;
    private final ScopeCheck scopes;

    TokenReads(TokenQueries queries, ScopeCheck scopes) {
        this.queries = queries;
        this.scopes = scopes;
    }

    /** A plain {@code GET} of one token whose id is a UUID as written; anything else is left to the controller. */
    @Override
    public AccessTokenId tokenToRead(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (!"GET".equals(request.getMethod()) || !uri.startsWith(PREFIX) || uri.length() != PREFIX.length() + 36) {
            return null;
        }
        try {
            return AccessTokenId.parse(uri.substring(PREFIX.length()));
        } catch (InvalidAccessTokenId e) {
            return null;
        }
    }

    /**
     * The token {@code pathId} names, by the rule above, using what authentication read alongside if it read that one.
     * Throws the 403 and 404 as {@link ApiProblem}, the 422 as a validation error.
     */
    TokenView read(Caller caller, String pathId, ReadAlong alreadyRead) {
        if (!caller.isNamedBy(pathId)) {
            scopes.require(caller, Scope.TOKENS_READ);
        }
        AccessTokenId id = PathParameters.tokenId(AccessTokensController.TOKEN_ID, pathId);
        TokenView token = alreadyRead != null && alreadyRead.covers(id) ? alreadyRead.token()
                : queries.findOwned(caller.owner(), id).orElse(null);
        if (token == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, ApiExceptionHandler.NOT_FOUND);
        }
        return token;
    }
}
