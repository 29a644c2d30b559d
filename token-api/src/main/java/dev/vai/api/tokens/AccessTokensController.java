package dev.vai.api.tokens;

import dev.vai.api.auth.Caller;
import dev.vai.api.lifecycle.IssuedToken;
import dev.vai.api.lifecycle.TokenLifecycle;
import dev.vai.api.web.ApiExceptionHandler;
import dev.vai.api.web.ApiSettings;
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
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reference API. Every method runs after authentication; it validates its input (422, all problems at once),
 * then looks the token up (404, the same body whether the token does not exist or belongs to someone else).
 */
@RestController
@RequestMapping(AccessTokensController.PATH)
@Tag(name = "access-tokens", description = "The reference API")
class AccessTokensController {

    static final String PATH = "/api/v1/access-tokens";
    static final String TOKEN_ID = "token_id";

    private final TokenLifecycle lifecycle;
    private final TokenQueries queries;
    private final CursorCodec cursors;
    private final JsonBody bodies;
    private final ApiSettings settings;

    AccessTokensController(TokenLifecycle lifecycle, TokenQueries queries, CursorCodec cursors, JsonBody bodies,
            ApiSettings settings) {
        this.lifecycle = lifecycle;
        this.queries = queries;
        this.cursors = cursors;
        this.bodies = bodies;
        this.settings = settings;
    }

    @Operation(operationId = "listAccessTokens", summary = "List the caller's access tokens",
            description = "Newest first (createdAt, then id, descending). Keyset pagination: pass nextCursor back as"
                    + " cursor; it is signed and bound to the caller and to tokenType and includeRevoked (limit may"
                    + " change between pages). nextCursor is null exactly when nothing further matches.")
    @Parameter(in = ParameterIn.QUERY, name = "tokenType", description = "Only tokens of this type",
            schema = @Schema(type = "string", allowableValues = {"session", "api_key"}))
    @Parameter(in = ParameterIn.QUERY, name = "includeRevoked",
            description = "Include revoked tokens (true/false, 1/0, yes/no, on/off, any case)",
            schema = @Schema(type = "boolean", defaultValue = "false"))
    @Parameter(in = ParameterIn.QUERY, name = "limit", description = "Page size",
            schema = @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "50"))
    @Parameter(in = ParameterIn.QUERY, name = "cursor", description = "Opaque cursor from a previous page",
            schema = @Schema(type = "string"))
    @GetMapping
    TokenPageJson list(Caller caller, HttpServletRequest request) {
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
            description = "The plaintext is in this response and never again (Cache-Control: no-store). Without"
                    + " expiresInDays the key never expires, unless the server sets a default lifetime.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = CreateAccessTokenJson.class))))
    @ApiResponse(responseCode = "201", description = "Created; Location names the new token",
            content = @Content(schema = @Schema(implementation = CreatedTokenJson.class)))
    @PostMapping
    ResponseEntity<CreatedTokenJson> create(Caller caller, RequestContext context, HttpServletRequest request) {
        JsonFields body = bodies.read(request);
        TokenName name = body.valueOf("name", body.requiredString("name"), TokenName::of);
        Integer days = body.optionalInteger("expiresInDays", 1, settings.maxTokenLifetimeDays());
        body.validate();

        Lifetime lifetime = days != null ? Lifetime.ofDays(days)
                : settings.defaultTokenLifetimeDays() != null ? Lifetime.ofDays(settings.defaultTokenLifetimeDays())
                : null;
        IssuedToken issued = lifecycle.issue(caller.owner(), TokenType.API_KEY, name, lifetime, context);
        return CreatedTokenJson.created(issued);
    }

    @Operation(operationId = "revokeAllAccessTokens", summary = "Revoke every active token of the caller",
            description = "In bounded batches; revokedCount is the number this call revoked. Idempotent: a call that"
                    + " failed midway is finished by repeating it.")
    @Parameter(in = ParameterIn.QUERY, name = "exclude_current",
            description = "Keep the token that authenticates this request",
            schema = @Schema(type = "boolean", defaultValue = "true"))
    @DeleteMapping
    RevokedCountJson revokeAll(Caller caller, RequestContext context, HttpServletRequest request) {
        QueryParameters query = QueryParameters.of(request);
        boolean excludeCurrent = query.bool("exclude_current", true);
        query.validate();
        int revoked = lifecycle.revokeAll(caller.owner(), excludeCurrent ? caller.tokenId() : null,
                Revoker.owner(caller.tokenId()), RevocationReason.REVOKE_ALL, context);
        return new RevokedCountJson(revoked);
    }

    @Operation(operationId = "getAccessToken", summary = "Get one of the caller's tokens",
            description = "404 when it does not exist or belongs to another owner (the same body in both cases).")
    @ApiResponse(responseCode = "200", description = "The token",
            content = @Content(schema = @Schema(implementation = TokenJson.class)))
    @GetMapping("/{" + TOKEN_ID + "}")
    ResponseEntity<Object> get(Caller caller, @TokenIdParameter @PathVariable(TOKEN_ID) String tokenId) {
        AccessTokenId id = PathParameters.tokenId(TOKEN_ID, tokenId);
        return queries.findOwned(caller.owner(), id)
                .<ResponseEntity<Object>>map(token -> ResponseEntity.ok(TokenJson.of(token)))
                .orElseGet(ApiExceptionHandler::notFound);
    }

    @Operation(operationId = "revokeAccessToken", summary = "Revoke one of the caller's tokens",
            description = "204 with an empty body; revoking an already revoked token answers 204 again and records"
                    + " nothing.")
    @ApiResponse(responseCode = "204", description = "Revoked (now or before)")
    @DeleteMapping("/{" + TOKEN_ID + "}")
    ResponseEntity<Object> revoke(Caller caller, RequestContext context,
            @TokenIdParameter @PathVariable(TOKEN_ID) String tokenId) {
        AccessTokenId id = PathParameters.tokenId(TOKEN_ID, tokenId);
        if (queries.findOwned(caller.owner(), id).isEmpty()) {
            return ApiExceptionHandler.notFound();
        }
        lifecycle.revoke(id, caller.owner(), Revoker.owner(caller.tokenId()), RevocationReason.OWNER, context);
        return ResponseEntity.noContent().build();
    }
}
