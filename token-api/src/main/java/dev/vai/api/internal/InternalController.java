package dev.vai.api.internal;

import dev.vai.api.auth.Authentication;
import dev.vai.api.auth.Authenticator;
import dev.vai.lifecycle.IssuedToken;
import dev.vai.lifecycle.TokenLifecycle;
import dev.vai.api.tokens.CreatedTokenJson;
import dev.vai.api.tokens.RevokedCountJson;
import dev.vai.api.tokens.TokenIdParameter;
import dev.vai.api.web.ApiExceptionHandler;
import dev.vai.api.web.ApiSettings;
import dev.vai.api.web.JsonBody;
import dev.vai.api.web.JsonFields;
import dev.vai.api.web.PathParameters;
import dev.vai.projection.token.TokenQueries;
import dev.vai.projection.token.TokenView;
import dev.vai.token.AccessTokenId;
import dev.vai.token.Issuer;
import dev.vai.token.Lifetime;
import dev.vai.token.OwnerId;
import dev.vai.token.RequestContext;
import dev.vai.token.RevocationReason;
import dev.vai.token.Revoker;
import dev.vai.token.ScopeCatalog;
import dev.vai.token.Scopes;
import dev.vai.token.Timestamps;
import dev.vai.token.TokenName;
import dev.vai.token.TokenType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The internal API. The admin key was checked by the filter before any of this runs. */
@RestController
@RequestMapping("/internal/v1")
@Tag(name = "internal", description = "Our addition, not in the reference: the platform's internal API, for its login"
        + " service and other services. Requires X-Admin-Key.")
class InternalController {

    static final String DEFAULT_SESSION_NAME = "session";

    private final TokenLifecycle lifecycle;
    private final TokenQueries queries;
    private final Authenticator authenticator;
    private final JsonBody bodies;
    private final ApiSettings settings;
    private final ScopeCatalog catalog;

    InternalController(TokenLifecycle lifecycle, TokenQueries queries, Authenticator authenticator, JsonBody bodies,
            ApiSettings settings, ScopeCatalog catalog) {
        this.lifecycle = lifecycle;
        this.queries = queries;
        this.authenticator = authenticator;
        this.bodies = bodies;
        this.settings = settings;
        this.catalog = catalog;
    }

    @Operation(operationId = "mintSession", summary = "Mint a session token for a user the caller authenticated",
            description = "Without scopes the session holds every scope: the platform's (VAI_SCOPES), tokens:read and"
                    + " tokens:write.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = InternalJson.MintSession.class))))
    @ApiResponse(responseCode = "201", description = "Created; the plaintext is shown here only",
            content = @Content(schema = @Schema(implementation = CreatedTokenJson.class)))
    @PostMapping("/sessions")
    ResponseEntity<CreatedTokenJson> mintSession(RequestContext context, HttpServletRequest request) {
        JsonFields body = bodies.read(request);
        OwnerId owner = body.valueOf("userId", body.requiredString("userId"), OwnerId::new);
        String rawName = body.optionalString("name");
        TokenName name = body.valueOf("name", rawName == null ? DEFAULT_SESSION_NAME : rawName, TokenName::of);
        Integer minutes = body.optionalInteger("expiresInMinutes", 1, ApiSettings.MAX_SESSION_MINUTES);
        Scopes scopes = body.optionalScopes("scopes", catalog);
        body.validate();

        Lifetime lifetime = Lifetime.ofMinutes(minutes != null ? minutes : settings.sessionTtlMinutes());
        IssuedToken issued = lifecycle.issue(Issuer.admin(), owner, TokenType.SESSION, name,
                scopes != null ? scopes : catalog.all(), lifetime, context);
        return CreatedTokenJson.created(issued);
    }

    @Operation(operationId = "adminRevokeAccessToken", summary = "Revoke any token as the admin (logout, incident)",
            description = "Revoking an API key revokes every key it created, and theirs in turn.")
    @ApiResponse(responseCode = "204", description = "Revoked (now or before)")
    @DeleteMapping("/access-tokens/{" + PathParameters.TOKEN_ID + "}")
    ResponseEntity<Object> revoke(RequestContext context,
            @TokenIdParameter @PathVariable(PathParameters.TOKEN_ID) String tokenId) {
        AccessTokenId id = PathParameters.tokenId(PathParameters.TOKEN_ID, tokenId);
        Optional<TokenView> token = queries.find(id);
        if (token.isEmpty()) {
            return ApiExceptionHandler.notFound();
        }
        lifecycle.revoke(token.get(), Revoker.admin(), RevocationReason.ADMIN, context);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "deprovisionUser", summary = "Revoke every active token of a user (deprovisioning)")
    @DeleteMapping("/users/{userId}/access-tokens")
    RevokedCountJson deprovision(RequestContext context, @PathVariable("userId") String userId) {
        OwnerId owner = PathParameters.ownerId("userId", userId);
        return new RevokedCountJson(lifecycle.revokeAll(owner, null, Revoker.admin(), RevocationReason.ADMIN, context));
    }

    /**
     * RFC 7662 in spirit: anything that is not an active token is just {@code {"active": false}}. {@code scope} is the
     * token's scopes separated by spaces, those the catalog still has: a scope removed from it is never reported.
     */
    @Operation(operationId = "introspect", summary = "Check a token for another service of the platform",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = InternalJson.Introspect.class))))
    @ApiResponse(responseCode = "200", description = "Whether the token is active, and whose it is",
            content = @Content(schema = @Schema(implementation = InternalJson.Introspection.class)))
    @PostMapping("/introspect")
    Map<String, Object> introspect(HttpServletRequest request) {
        JsonFields body = bodies.read(request);
        String token = body.requiredString("token");
        body.validate();
        Authentication authentication = authenticator.authenticate(token, null);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("active", authentication.succeeded());
        if (authentication.succeeded()) {
            AccessTokenId id = authentication.caller().tokenId();
            answer.put("tokenId", id.toString());
            answer.put("userId", authentication.caller().owner().value());
            answer.put("tokenType", authentication.caller().type().wireName());
            answer.put("expiresAt", Timestamps.format(authentication.caller().expiresAt()));
            answer.put("scope", authentication.caller().scopes().toString());
        }
        return answer;
    }
}
