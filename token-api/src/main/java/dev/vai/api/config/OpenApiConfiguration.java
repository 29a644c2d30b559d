package dev.vai.api.config;

import dev.vai.api.auth.AdminKeyFilter;
import dev.vai.api.auth.Caller;
import dev.vai.lifecycle.LifetimePolicy;
import dev.vai.api.web.JsonBody;
import dev.vai.api.web.JsonFields;
import dev.vai.api.web.ValidationError;
import dev.vai.token.ScopeCatalog;
import dev.vai.token.RequestContext;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}: the reference's paths, parameters and schemas as the controllers
 * declare them, plus what we add, each marked as our addition: the error responses and their two shapes (with the
 * scope challenge of the 403s), the three ways to present a token, scopes, and the internal API. A 204 has no body,
 * and the largest {@code expiresInDays} is the configured one. The test suite validates every response of the HTTP
 * integration tests against this document. With a management port, each port's {@code /v3/api-docs} is its own
 * group (the public API, or the internal one); the customizer below applies to both, hence global.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String ERROR = "Error";
    private static final String VALIDATION_ERROR = "ValidationError";
    private static final String ADDITION = " (our addition to the reference)";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, RequestContext.class);
    }

    @Bean
    OpenAPI accessTokenOpenApi() {
        return new OpenAPI()
                .info(new Info().title("vai access tokens").version("v1").description(
                        "Issues, lists and revokes access tokens. The five operations under /api/v1/access-tokens"
                                + " follow the vendor's reference; the error responses, the internal API and the"
                                + " security schemes are our additions and say so."))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("Authorization: Bearer <token>"))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key"))
                        .addSecuritySchemes("cookie", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("vai_token"))
                        .addSecuritySchemes("hostCookie", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("__Host-vai_token")
                                .description("The vai_token cookie under the __Host- prefix" + ADDITION))
                        .addSecuritySchemes("tokenHeader", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("vai_token")
                                .description("The token in a vai_token header" + ADDITION))
                        .addSecuritySchemes("adminKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(AdminKeyFilter.HEADER)));
    }

    @Bean
    GlobalOpenApiCustomizer errorResponsesAndSecurity(LifetimePolicy lifetimes, ScopeCatalog catalog) {
        return openApi -> {
            addErrorSchemas(openApi.getComponents());
            openApi.getPaths().forEach((path, item) ->
                    item.readOperationsMap().forEach((method, operation) -> {
                        addErrors(path, method, operation);
                        noBodyFor204(operation.getResponses());
                    }));
            configured(openApi.getComponents(), lifetimes, catalog);
        };
    }

    /** What the configuration decides, written into the schemas: the lifetimes, the catalog's bound on scope lists. */
    private static void configured(Components components, LifetimePolicy lifetimes, ScopeCatalog catalog) {
        Schema<?> create = components.getSchemas().get("CreateAccessTokenRequest");
        Schema<?> days = create == null || create.getProperties() == null ? null
                : create.getProperties().get("expiresInDays");
        if (days != null) {
            days.setMaximum(BigDecimal.valueOf(lifetimes.largestRequest()));
            days.setDescription("Lifetime in days, at most " + (lifetimes.maxDays() == null ? LifetimePolicy.LONGEST_DAYS + " (no maximum set)"
                    : lifetimes.maxDays() + " (VAI_MAX_TOKEN_LIFETIME_DAYS)") + ". Null or absent: "
                    + (lifetimes.defaultDays() == null ? "the key never expires" : lifetimes.defaultDays() + " days")
                    + " (VAI_DEFAULT_TOKEN_LIFETIME_DAYS). A key created by an API key never outlives that key:"
                    + " without expiresInDays it expires with it if sooner; a later one is a 422");
        }
        for (String request : List.of("CreateAccessTokenRequest", "MintSessionRequest")) {
            Schema<?> schema = components.getSchemas().get(request);
            if (schema != null && schema.getProperties() != null && schema.getProperties().get("scopes") != null) {
                schema.getProperties().get("scopes").setMaxItems(JsonFields.maxScopes(catalog));
            }
        }
    }

    /** springdoc gives every answer the default media type; a 204 has no body at all. */
    private static void noBodyFor204(ApiResponses responses) {
        ApiResponse noContent = responses.get("204");
        if (noContent != null) {
            noContent.setContent(null);
        }
    }

    private static void addErrorSchemas(Components components) {
        components.addSchemas(ERROR, new ObjectSchema()
                .description("Every error but validation" + ADDITION)
                .addProperty("detail", new StringSchema())
                .required(List.of("detail")));
        Schema<?> problem = new ObjectSchema()
                .addProperty("loc", new ArraySchema().items(new ComposedSchema().oneOf(List.of(new StringSchema(),
                        new IntegerSchema()))).description("\"query\", \"body\", \"path\" or \"header\", then the"
                        + " field as the client spelled it, then, in an array, the element's index (a number)"))
                .addProperty("msg", new StringSchema())
                .addProperty("type", new StringSchema()._enum(List.of(ValidationError.MISSING,
                        ValidationError.STRING_TOO_SHORT, ValidationError.STRING_TOO_LONG,
                        ValidationError.STRING_PATTERN_MISMATCH, ValidationError.GREATER_THAN_EQUAL,
                        ValidationError.LESS_THAN_EQUAL, ValidationError.INT_PARSING, ValidationError.BOOL_PARSING,
                        ValidationError.UUID_PARSING, ValidationError.ENUM, ValidationError.LIST_TYPE,
                        ValidationError.STRING_TYPE, ValidationError.TOO_LONG, ValidationError.JSON_INVALID,
                        ValidationError.VALUE_ERROR)))
                .required(List.of("loc", "msg", "type"));
        components.addSchemas(VALIDATION_ERROR, new ObjectSchema()
                .description("Validation errors, every problem at once" + ADDITION)
                .addProperty("detail", new ArraySchema().items(problem))
                .required(List.of("detail")));
    }

    private static void addErrors(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses();
        if (path.startsWith("/internal/")) {
            operation.setSecurity(List.of(new SecurityRequirement().addList("adminKey")));
            error(responses, "401", "Missing or wrong X-Admin-Key");
            error(responses, "429", "Too many failed attempts from this client; see Retry-After");
        } else {
            operation.setSecurity(List.of(new SecurityRequirement().addList("bearer"),
                    new SecurityRequirement().addList("apiKey"), new SecurityRequirement().addList("cookie"),
                    new SecurityRequirement().addList("hostCookie"), new SecurityRequirement().addList("tokenHeader")));
            error(responses, "400", "Different tokens in one request, or a credential header given twice");
            error(responses, "401", "Missing, malformed, unknown, expired or revoked token; WWW-Authenticate: Bearer");
            error(responses, "429", "Too many failed authentications from this client; see Retry-After");
            responses.addApiResponse("403", response("The token lacks a scope this request needs, or asks to grant"
                    + " one it does not hold; WWW-Authenticate: Bearer error=\"insufficient_scope\","
                    + " scope=\"<the missing scopes>\" (RFC 6750)"
                    + (method == PathItem.HttpMethod.GET ? ""
                            : ". Also: a change from another site authenticated by the vai_token cookie alone"), ERROR)
                    .headers(Map.of("WWW-Authenticate", new Header().schema(new StringSchema())
                            .description("Bearer error=\"insufficient_scope\", scope=\"...\" when a scope is missing"))));
        }
        if (path.contains("{token_id}")) {
            error(responses, "404", "No such token, or another owner's (the same body in both cases)");
        }
        if (method == PathItem.HttpMethod.POST) {
            error(responses, "413", "Body over " + JsonBody.MAX_BYTES + " bytes");
            error(responses, "415", "Body that is not application/json");
        }
        boolean answersWithABody = responses.entrySet().stream()
                .anyMatch(entry -> entry.getKey().startsWith("2") && !entry.getKey().equals("204"));
        if (answersWithABody) {
            error(responses, "406", "The Accept header admits no JSON");
        }
        responses.addApiResponse("422", response("Invalid input", VALIDATION_ERROR));
        error(responses, "503", "The database cannot be reached; retry (Retry-After)");
    }

    private static void error(ApiResponses responses, String status, String description) {
        responses.addApiResponse(status, response(description, ERROR));
    }

    private static ApiResponse response(String description, String schema) {
        return new ApiResponse().description(description + ADDITION).content(new Content().addMediaType(
                "application/json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema))));
    }
}
