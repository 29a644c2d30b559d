package dev.vai.app.api;

import static dev.vai.app.support.Fixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vai.app.support.Api;
import dev.vai.app.support.OpenApiContract;
import dev.vai.app.support.ServiceIT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI documents show the reference's paths, parameters and schemas, and mark our additions: the service's
 * port describes the public API, the management port the internal one.
 */
@ServiceIT
class OpenApiIT {

    @Autowired
    Api api;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private JsonNode document() {
        Api.Response response = api.get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private JsonNode managementDocument() {
        Api.Response response = new Api(managementPort, managementPort).get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static List<String> parameters(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> names.add(parameter.get("in").asText() + ":"
                + parameter.get("name").asText()));
        return names;
    }

    @Test
    void theReferencesFiveOperationsAreThereWithTheirParameterNames() {
        JsonNode paths = document().get("paths");
        JsonNode collection = paths.get("/api/v1/access-tokens");
        JsonNode single = paths.get("/api/v1/access-tokens/{token_id}");

        assertThat(parameters(collection.get("get")))
                .containsExactly("query:tokenType", "query:includeRevoked", "query:limit", "query:cursor");
        assertThat(collection.get("post").get("requestBody")).isNotNull();
        assertThat(parameters(collection.get("delete"))).containsExactly("query:exclude_current");
        assertThat(parameters(single.get("get"))).containsExactly("path:token_id");
        assertThat(parameters(single.get("delete"))).containsExactly("path:token_id");
        assertThat(collection.get("post").get("responses").has("201")).isTrue();
        assertThat(single.get("delete").get("responses").has("204")).isTrue();
        assertThat(single.get("delete").get("responses").get("204").has("content")).as("a 204 has no body").isFalse();
        assertThat(managementDocument().get("paths").get("/internal/v1/access-tokens/{token_id}").get("delete")
                .get("responses").get("204").has("content")).isFalse();
    }

    @Test
    void theTokenSchemaHasTheReferencesFields() {
        JsonNode schemas = document().get("components").get("schemas");
        List<String> fields = new ArrayList<>();
        schemas.get("AccessToken").get("properties").fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "name", "tokenType", "tokenPrefix", "createdAt", "expiresAt",
                "lastUsedAt", "revokedAt", "scopes");
        assertThat(schemas.get("AccessToken").get("properties").get("scopes").get("description").asText())
                .contains("our addition");
        assertThat(schemas.get("CreateAccessTokenRequest").get("properties").has("expiresInDays")).isTrue();
        assertThat(schemas.get("AccessTokenPage").get("properties").has("nextCursor")).isTrue();
        assertThat(schemas.get("RevokedCount").get("properties").has("revokedCount")).isTrue();
    }

    @Test
    void ourAdditionsAreDescribedAsSuch() {
        JsonNode document = document();
        JsonNode unauthorized = document.get("paths").get("/api/v1/access-tokens").get("get").get("responses")
                .get("401");
        assertThat(unauthorized.get("description").asText()).contains("our addition");
        assertThat(document.get("components").get("schemas").get("ValidationError")).isNotNull();
        assertThat(document.get("paths").has("/error")).isFalse();
        JsonNode forbidden = document.get("paths").get("/api/v1/access-tokens").get("post").get("responses").get("403");
        assertThat(forbidden.get("description").asText()).contains("insufficient_scope").contains("our addition");
        assertThat(forbidden.get("headers").has("WWW-Authenticate")).isTrue();
        assertThat(document.get("components").get("schemas").get("CreateAccessTokenRequest").get("properties")
                .get("expiresInDays").get("maximum").asInt()).as("the configured maximum").isEqualTo(366);
        JsonNode management = managementDocument();
        assertThat(management.get("paths").has("/internal/v1/introspect")).isTrue();
        assertThat(management.get("paths").get("/internal/v1/introspect").get("post").get("responses").get("401")
                .get("description").asText()).contains("X-Admin-Key").contains("our addition");
        assertThat(management.get("tags").toString()).contains("Our addition, not in the reference");
    }

    @Test
    void eachPortDescribesWhatItServesAndNothingElse() {
        List<String> publicPaths = new ArrayList<>();
        document().get("paths").fieldNames().forEachRemaining(publicPaths::add);
        List<String> managementPaths = new ArrayList<>();
        managementDocument().get("paths").fieldNames().forEachRemaining(managementPaths::add);
        assertThat(publicPaths).isNotEmpty().allMatch(path -> path.startsWith("/api/v1/"));
        assertThat(managementPaths).isNotEmpty().allMatch(path -> path.startsWith("/internal/v1/"));
        assertThat(managementDocument().get("components").get("securitySchemes").has("adminKey")).isTrue();

        Api onPublic = new Api(port, port);
        assertThat(onPublic.get("/v3/api-docs.yaml").body()).containsPattern("(?m)^  /api/v1/access-tokens:$")
                .doesNotContainPattern("(?m)^  /internal/");
        assertThat(onPublic.get("/v3/api-docs/management").status()).isEqualTo(404);
        assertThat(onPublic.get("/v3/api-docs.yaml/management").status()).isEqualTo(404);
        Api onManagement = new Api(managementPort, managementPort);
        assertThat(onManagement.get("/v3/api-docs.yaml").body()).containsPattern("(?m)^  /internal/v1/sessions:$")
                .doesNotContainPattern("(?m)^  /api/");
        assertThat(onManagement.get("/v3/api-docs/public").status()).isEqualTo(404);
    }

    /** The check every HTTP test runs is not vacuous: answers that break the document are caught. */
    @Test
    void theContractCheckRefusesWhatTheDocumentDoesNotAllow() {
        Api.Issued session = api.issue(aSession());
        Api.Response real = api.get("/api/v1/access-tokens/" + session.id(), Api.bearer(session.plaintext()));
        String path = "/api/v1/access-tokens/" + session.id();
        Map<String, List<String>> json = Map.of("Content-Type", List.of("application/json"));
        String[] headers = Api.bearer(session.plaintext());
        OpenApiContract.check("http://127.0.0.1:" + port, "GET", path, null, null, headers, 200, json, real.body());

        String extraField = real.body().replaceFirst("\\{", "{\"ownerId\":\"leaked\",");
        assertThatThrownBy(() -> OpenApiContract.check("http://127.0.0.1:" + port, "GET", path, null, null, headers,
                200, json, extraField)).hasMessageContaining("additionalProperties");
        String noScopes = real.body().replaceFirst(",\"scopes\":\\[[^]]*]", "");
        assertThatThrownBy(() -> OpenApiContract.check("http://127.0.0.1:" + port, "GET", path, null, null, headers,
                200, json, noScopes)).hasMessageContaining("scopes");
        assertThatThrownBy(() -> OpenApiContract.check("http://127.0.0.1:" + port, "DELETE", path, null, null,
                headers, 204, json, "{}")).as("a 204 with a body").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> OpenApiContract.check("http://127.0.0.1:" + port, "GET", "/api/v1/access-tokens/"
                + UUID.randomUUID(), null, null, headers, 418, json, "{\"detail\":\"teapot\"}"))
                .hasMessageContaining("status");
    }
}
