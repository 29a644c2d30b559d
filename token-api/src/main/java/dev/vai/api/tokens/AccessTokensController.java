package dev.vai.api.tokens;

import dev.vai.api.auth.Caller;
import dev.vai.api.auth.ReadAlong;
import dev.vai.api.auth.ScopeCheck;
import dev.vai.lifecycle.IssuedToken;
import dev.vai.lifecycle.LifetimePolicy;
import dev.vai.lifecycle.TokenLifecycle;
import dev.vai.api.web.ApiExceptionHandler;
import dev.vai.api.web.JsonBody;
import dev.vai.api.web.JsonFields;
import dev.vai.api.web.PathParameters;
import dev.vai.api.web.QueryParameters;
import dev.vai.api.web.ValidationError;
import dev.vai.projection.token.ListFilter;
import dev.vai.projection.token.PagePosition;
import dev.vai.projection.token.TokenQueries;
import dev.vai.projection.token.TokenView;
import dev.vai.token.AccessTokenId;
import dev.vai.token.Lifetime;
import dev.vai.token.RequestContext;
import dev.vai.token.RevocationReason;
import dev.vai.token.Revoker;
import dev.vai.token.Scope;
import dev.vai.token.ScopeCatalog;
import dev.vai.token.Scopes;
import dev.vai.token.Timestamps;
import dev.vai.token.TokenName;
import dev.vai.token.TokenType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reference API. Every method runs after authentication, then checks in this order: the scope the call needs
 * (403; none to read or revoke the calling token itself), its input (422, all problems at once), what a new key may be
 * granted (403), and the token it names (404, the same body whether the token does not exist or is another owner's).
 */
@RestController
@RequestMapping(AccessTokensController.PATH)
@Tag(name = "access-tokens", description = "The reference API")
class AccessTokensController {

    static final String PATH = "/api/v1/access-tokens";
    static final String TOKEN_ID = PathParameters.TOKEN_ID;

    private final TokenLifecycle lifecycle;
    private final TokenQueries queries;
    private final TokenReads reads;
    private final CursorCodec cursors;
    private final JsonBody bodies;
    private final ScopeCheck scopes;
    private final ScopeCatalog catalog;
    private final LifetimePolicy lifetimes;
    private final Clock clock;

    AccessTokensController(TokenLifecycle lifecycle, TokenQueries queries, TokenReads reads, CursorCodec cursors,
            JsonBody bodies, ScopeCheck scopes, ScopeCatalog catalog, LifetimePolicy lifetimes, Clock clock) {
        this.lifecycle = lifecycle;
        this.queries = queries;
        this.reads = reads;
        this.cursors = cursors;
        this.bodies = bodies;
        this.scopes = scopes;
        this.catalog = catalog;
        this.lifetimes = lifetimes;
        this.clock = clock;
    }

    @Operation(operationId = "listAccessTokens", summary = "List the caller's access tokens",
            description = "Newest first (createdAt, then id, descending). Keyset pagination: pass nextCursor back as"
                    + " cursor; it is signed and bound to the caller and to tokenType and includeRevoked (limit may"
                    + " change between pages). nextCursor is null exactly when nothing further matches. Needs the scope"
                    + " tokens:read.")
    @Parameter(in = ParameterIn.QUERY, name = "tokenType", description = "Only tokens of this type",
            schema = @Schema(type = "string", allowableValues = {"session", "api_key"}))
    @Parameter(in = ParameterIn.QUERY, name = "includeRevoked",
            description = "Include revoked tokens. Besides true and false the service accepts 1/0, yes/no and on/off,"
                    + " in any case",
            schema = @Schema(type = "boolean", defaultValue = "false"))
    @Parameter(in = ParameterIn.QUERY, name = "limit", description = "Page size",
            schema = @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "50"))
    @Parameter(in = ParameterIn.QUERY, name = "cursor", description = "Opaque cursor from a previous page",
            schema = @Schema(type = "string"))
    @GetMapping
    TokenPageJson list(Caller caller, HttpServletRequest request) {
        scopes.require(caller, Scope.TOKENS_READ);
        QueryParameters query = QueryParameters.of(request);
        TokenType type = query.oneOf("tokenType", name -> TokenType.fromWireName(name).orElse(null),
                "'session' or 'api_key'");
        boolean includeRevoked = query.bool("includeRevoked", false);
        boolean filterValid = !query.hasErrors();
        int limit = query.integer("limit", 1, 200, 50);
        String cursor = query.single("cursor");
        ListFilter filter = new ListFilter(type, includeRevoked);
        PagePosition after = null;
        if (cursor != null && !cursor.isEmpty() && filterValid) {
            after = cursors.decode(caller.owner(), filter, cursor).orElse(null);
            if (after == null) {
                query.reject("cursor", "Invalid cursor: not issued to this caller for this filter",
                        ValidationError.VALUE_ERROR);
            }
        }
        query.validate();

        List<TokenView> rows = queries.page(caller.owner(), filter, after, limit + 1);
        boolean more = rows.size() > limit;
        List<TokenView> page = more ? rows.subList(0, limit) : rows;
        String nextCursor = more ? cursors.encode(caller.owner(), filter, page.get(page.size() - 1).position()) : null;
        return new TokenPageJson(page.stream().map(TokenJson::of).toList(), nextCursor);
    }

    @Operation(operationId = "createAccessToken", summary = "Create an API key owned by the caller",
            description = "The plaintext is in this response and never again (Cache-Control: no-store). Needs the"
                    + " scope tokens:write. Without expiresInDays the key lives VAI_DEFAULT_TOKEN_LIFETIME_DAYS."
                    + " A key created by an API key never outlives it. Our addition: scopes (without them, the"
                    + " caller's own scopes except tokens:write), and the 403 for scopes the caller does not hold.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = CreateAccessTokenJson.class))))
    @ApiResponse(responseCode = "201", description = "Created; Location names the new token",
            content = @Content(schema = @Schema(implementation = CreatedTokenJson.class)))
    @ApiResponse(responseCode = "409", description = "The owner has as many active API keys as"
            + " VAI_MAX_ACTIVE_KEYS_PER_OWNER allows (our addition to the reference)",
            content = @Content(schema = @Schema(ref = "#/components/schemas/Error")))
    @PostMapping
    ResponseEntity<CreatedTokenJson> create(Caller caller, RequestContext context, HttpServletRequest request) {
        scopes.require(caller, Scope.TOKENS_WRITE);
        JsonFields body = bodies.read(request);
        TokenName name = body.valueOf("name", body.requiredString("name"), TokenName::of);
        Integer days = body.optionalInteger("expiresInDays", 1, lifetimes.largestRequest());
        Scopes requested = body.optionalScopes("scopes", catalog);
        if (days != null && caller.issuer().wouldBeOutlivedBy(clock.instant().plus(Duration.ofDays(days)))) {
            body.reject("expiresInDays", outlivesCreator(caller.issuer().notAfter()), ValidationError.LESS_THAN_EQUAL);
        }
        body.validate();

        if (requested == null) {
            requested = caller.scopes().without(Scope.TOKENS_WRITE);
        }
        Scopes missing = caller.issuer().missingToGrant(requested);
        if (!missing.isEmpty()) {
            throw scopes.escalation(missing);
        }
        Lifetime lifetime = days != null ? Lifetime.ofDays(days) : lifetimes.defaultLifetime();
        IssuedToken issued = lifecycle.issue(caller.issuer(), caller.owner(), TokenType.API_KEY, name, requested,
                lifetime, context);
        return CreatedTokenJson.created(issued);
    }

    /** The 422 of an {@code expiresInDays} that would outlive the API key creating the key: it names the bound. */
    private String outlivesCreator(Instant notAfter) {
        long days = Duration.between(clock.instant(), notAfter).toDays();
        String why = "a key cannot outlive the API key that creates it, which expires at " + Timestamps.format(notAfter);
        return days >= 1 ? "Input should be less than or equal to " + days + ": " + why
                : "Leave expiresInDays out to have the key expire with its creator: " + why + ", in less than a day";
    }

    @Operation(operationId = "revokeAllAccessTokens", summary = "Revoke every active token of the caller",
            description = "In bounded batches; revokedCount is the number this call revoked, keys revoked with the"
                    + " API key that created them included. Idempotent: a call that failed midway is finished by"
                    + " repeating it. Needs the scope tokens:write.")
    @Parameter(in = ParameterIn.QUERY, name = "exclude_current",
            description = "Keep the token that authenticates this request (unless a key it descends from is revoked:"
                    + " then it goes with it). Besides true and false the service accepts 1/0, yes/no and on/off, in"
                    + " any case",
            schema = @Schema(type = "boolean", defaultValue = "true"))
    @DeleteMapping
    RevokedCountJson revokeAll(Caller caller, RequestContext context, HttpServletRequest request) {
        scopes.require(caller, Scope.TOKENS_WRITE);
        QueryParameters query = QueryParameters.of(request);
        boolean excludeCurrent = query.bool("exclude_current", true);
        query.validate();
        int revoked = lifecycle.revokeAll(caller.owner(), excludeCurrent ? caller.tokenId() : null,
                Revoker.owner(caller.tokenId()), RevocationReason.REVOKE_ALL, context);
        return new RevokedCountJson(revoked);
    }

    @Operation(operationId = "getAccessToken", summary = "Get one of the caller's tokens",
            description = "Needs the scope tokens:read, unless the token asked for is the calling token itself. 404"
                    + " when it does not exist or belongs to another owner (the same body in both cases).")
    @ApiResponse(responseCode = "200", description = "The token",
            content = @Content(schema = @Schema(implementation = TokenJson.class)))
    @GetMapping("/{" + TOKEN_ID + "}")
    TokenJson get(Caller caller, @TokenIdParameter @PathVariable(TOKEN_ID) String tokenId,
            HttpServletRequest request) {
        return TokenJson.of(reads.read(caller, tokenId, ReadAlong.of(request)));
    }

    @Operation(operationId = "revokeAccessToken", summary = "Revoke one of the caller's tokens",
            description = "204 with an empty body; revoking an already revoked token answers 204 again and records"
                    + " nothing. Needs the scope tokens:write, unless the token revoked is the calling token itself."
                    + " Revoking an API key revokes every key it created, and theirs in turn.")
    @ApiResponse(responseCode = "204", description = "Revoked (now or before)")
    @DeleteMapping("/{" + TOKEN_ID + "}")
    ResponseEntity<Object> revoke(Caller caller, RequestContext context,
            @TokenIdParameter @PathVariable(TOKEN_ID) String tokenId) {
        if (!caller.isNamedBy(tokenId)) {
            scopes.require(caller, Scope.TOKENS_WRITE);
        }
        AccessTokenId id = PathParameters.tokenId(TOKEN_ID, tokenId);
        TokenView token = queries.findOwned(caller.owner(), id).orElse(null);
        if (token == null) {
            return ApiExceptionHandler.notFound();
        }
        lifecycle.revoke(token, Revoker.owner(caller.tokenId()), RevocationReason.OWNER, context);
        return ResponseEntity.noContent().build();
    }
}
