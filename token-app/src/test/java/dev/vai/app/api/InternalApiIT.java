package dev.vai.app.api;

import static dev.vai.app.support.Api.bearer;
import static dev.vai.app.support.Fixtures.aSession;
import static dev.vai.app.support.Fixtures.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vai.app.support.Api.Issued;
import dev.vai.app.support.Api.Response;
import dev.vai.app.support.Api;
import dev.vai.app.support.EventStore;
import dev.vai.app.support.ServiceIT;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The platform's internal API: sessions, admin revocation, deprovisioning, introspection, behind the admin key. */
@ServiceIT
class InternalApiIT {

    private static final String SESSIONS = "/internal/v1/sessions";
    private static final String INTROSPECT = "/internal/v1/introspect";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Api api;
    private EventStore events;

    @BeforeEach
    void setUp() {
        events = new EventStore(jdbc);
    }

    @Test
    void everyInternalEndpointDemandsTheAdminKey() {
        String body = "{\"userId\": \"u\"}";
        for (String[] headers : new String[][] {{}, {"X-Admin-Key", "wrong"}, {"X-Admin-Key", ""},
                {"X-Admin-Key", api.admin()[1], "X-Admin-Key", api.admin()[1]}}) {
            Response answer = api.postJson(SESSIONS, body, headers);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.json().get("detail").isTextual()).isTrue();
            assertThat(answer.body()).doesNotContain(api.admin()[1]);
        }
        assertThat(api.delete("/internal/v1/users/u/access-tokens").status()).isEqualTo(401);
        assertThat(api.postJson(INTROSPECT, "{\"token\": \"x\"}").status()).isEqualTo(401);
    }

    @Test
    void aSessionIsMintedWithTheDefaultNameAndLifetime() {
        Response answer = api.postJson(SESSIONS, "{\"userId\": \"user-42\"}", api.admin());

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        JsonNode token = answer.json().get("token");
        assertThat(answer.json().get("plaintext").asText()).startsWith("vai_s_");
        assertThat(token.get("tokenType").asText()).isEqualTo("session");
        assertThat(token.get("name").asText()).isEqualTo("session");
        assertThat(Duration.between(Instant.parse(token.get("createdAt").asText()),
                Instant.parse(token.get("expiresAt").asText()))).isEqualTo(Duration.ofMinutes(720));
    }

    @Test
    void aSessionMayHaveItsOwnNameAndLifetime() {
        Response answer = api.postJson(SESSIONS,
                "{\"userId\": \"user-42\", \"name\": \"laptop\", \"expiresInMinutes\": 43200}", api.admin());
        JsonNode token = answer.json().get("token");
        assertThat(token.get("name").asText()).isEqualTo("laptop");
        assertThat(Duration.between(Instant.parse(token.get("createdAt").asText()),
                Instant.parse(token.get("expiresAt").asText()))).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aSessionRequestIsValidatedLikeTheRest() {
        assertError(api.postJson(SESSIONS, "{}", api.admin()), "userId", "missing");
        assertError(api.postJson(SESSIONS, "{\"userId\": \" \"}", api.admin()), "userId", "string_too_short");
        assertError(api.postJson(SESSIONS, "{\"userId\": \"a\\nb\"}", api.admin()), "userId",
                "string_pattern_mismatch");
        assertError(api.postJson(SESSIONS, "{\"userId\": \"u\", \"expiresInMinutes\": 0}", api.admin()),
                "expiresInMinutes", "greater_than_equal");
        assertError(api.postJson(SESSIONS, "{\"userId\": \"u\", \"expiresInMinutes\": 43201}", api.admin()),
                "expiresInMinutes", "less_than_equal");
        assertError(api.postJson(SESSIONS, "{\"userId\": \"u\", \"name\": \"\"}", api.admin()), "name",
                "string_too_short");
    }

    private static void assertError(Response response, String field, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        JsonNode error = response.json().get("detail").get(0);
        assertThat(error.get("loc").get(0).asText()).isEqualTo("body");
        assertThat(error.get("loc").get(1).asText()).isEqualTo(field);
        assertThat(error.get("type").asText()).isEqualTo(type);
    }

    @Test
    void theAdminRevokesAnyTokenAndTheRevocationSaysSo() {
        Issued user = api.issue(aSession());
        Response answer = api.delete("/internal/v1/access-tokens/" + user.id(), api.admin());

        assertThat(answer.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/access-tokens", bearer(user.plaintext())).status()).isEqualTo(401);
        String payload = events.eventsOf(user.id()).get(1).payload();
        assertThat(payload).contains("\"reason\":\"ADMIN\"").contains("\"kind\":\"ADMIN\"");
        assertThat(api.delete("/internal/v1/access-tokens/" + user.id(), api.admin()).status()).isEqualTo(204);
        assertThat(events.revocationsOf(user.id())).isEqualTo(1);
    }

    @Test
    void adminRevocationOfAnUnknownTokenIs404AndOfAMalformedIdIs422() {
        assertThat(api.delete("/internal/v1/access-tokens/" + UUID.randomUUID(), api.admin()).status())
                .isEqualTo(404);
        Response malformed = api.delete("/internal/v1/access-tokens/nope", api.admin());
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.json().get("detail").get(0).get("type").asText()).isEqualTo("uuid_parsing");
    }

    @Test
    void deprovisioningRevokesEveryActiveTokenOfTheUser() {
        String userId = "leaver-" + UUID.randomUUID();
        Issued session = api.issue(aSession().forUser(userId));
        api.issue(anApiKey().named("one").by(session));
        api.issue(anApiKey().named("two").by(session));
        Issued other = api.issue(aSession());

        Response answer = api.delete("/internal/v1/users/" + userId + "/access-tokens", api.admin());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("revokedCount").asInt()).isEqualTo(3);
        assertThat(api.get("/api/v1/access-tokens", bearer(session.plaintext())).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/access-tokens", bearer(other.plaintext())).status()).isEqualTo(200);
        assertThat(api.delete("/internal/v1/users/" + userId + "/access-tokens", api.admin()).json()
                .get("revokedCount").asInt()).isZero();
    }

    @Test
    void introspectionDescribesAnActiveToken() {
        String userId = "introspected-" + UUID.randomUUID();
        Issued user = api.issue(aSession().forUser(userId));
        Response answer = api.postJson(INTROSPECT, "{\"token\": \"" + user.plaintext() + "\"}", api.admin());

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(body.get("tokenId").asText()).isEqualTo(user.id());
        assertThat(body.get("userId").asText()).isEqualTo(userId);
        assertThat(body.get("tokenType").asText()).isEqualTo("session");
        assertThat(body.get("expiresAt").asText()).isEqualTo(user.token().get("expiresAt").asText());
    }

    @Test
    void introspectionSaysOnlyInactiveForAnythingElse() {
        Issued revoked = api.issue(aSession());
        api.delete("/internal/v1/access-tokens/" + revoked.id(), api.admin());
        for (String token : new String[] {revoked.plaintext(), "garbage", "", "vai_k_" + "A".repeat(49)}) {
            Response answer = api.postJson(INTROSPECT, "{\"token\": \"" + token + "\"}", api.admin());
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"active\":false}");
        }
        assertThat(api.postJson(INTROSPECT, "{}", api.admin()).status()).isEqualTo(422);
    }
}
