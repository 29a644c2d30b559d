package dev.vai.app.api;

import static dev.vai.app.support.Api.bearer;
import static dev.vai.app.support.Api.headers;
import static dev.vai.app.support.Fixtures.aSession;
import static dev.vai.app.support.Fixtures.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vai.app.support.Api.Issued;
import dev.vai.app.support.Api.Response;
import dev.vai.app.support.Api;
import dev.vai.app.support.EventStore;
import dev.vai.app.support.ServiceIT;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The reference's five endpoints, used the way a client uses them. */
@ServiceIT
class AccessTokenApiIT {

    private static final String TOKENS = "/api/v1/access-tokens";
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Api api;
    private EventStore events;
    private Issued alice;

    @BeforeEach
    void setUp() {
        events = new EventStore(jdbc);
        alice = api.issue(aSession());
    }

    @Test
    void creatingAnApiKeyAnswers201WithTheTokenItsLocationAndThePlaintextOnce() {
        Response created = api.postJson(TOKENS, "{\"name\": \"  deploy bot  \", \"expiresInDays\": 30}",
                bearer(alice.plaintext()));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        JsonNode body = created.json();
        String plaintext = body.get("plaintext").asText();
        JsonNode token = body.get("token");
        assertThat(plaintext).matches("vai_k_[0-9A-Za-z]{49}");
        assertThat(created.header("Location")).isEqualTo(TOKENS + "/" + token.get("id").asText());
        assertThat(token.get("name").asText()).isEqualTo("deploy bot");
        assertThat(token.get("tokenType").asText()).isEqualTo("api_key");
        assertThat(token.get("tokenPrefix").asText()).isEqualTo(plaintext.substring(0, 12));
        assertThat(token.get("createdAt").asText()).matches(TIMESTAMP);
        assertThat(token.get("expiresAt").asText()).matches(TIMESTAMP);
        assertThat(java.time.Duration.between(java.time.Instant.parse(token.get("createdAt").asText()),
                java.time.Instant.parse(token.get("expiresAt").asText())).toDays()).isEqualTo(30);
        assertThat(token.get("lastUsedAt").isNull()).isTrue();
        assertThat(token.get("revokedAt").isNull()).isTrue();
        assertThat(token.get("scopes").toString()).as("the session's scopes without tokens:write")
                .isEqualTo("[\"api\",\"tokens:read\"]");
        assertThat(body.size()).isEqualTo(2);
        assertThat(token.size()).isEqualTo(9);

        Response read = api.get(created.header("Location"), bearer(alice.plaintext()));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(token);
        assertThat(read.body()).doesNotContain(plaintext);
    }

    @Test
    void aReadAnswersAlikeWhateverAcceptHeaderItCarries() {
        Issued key = api.issue(anApiKey().named("read me").by(alice));
        String path = TOKENS + "/" + key.id();
        Response plain = api.get(path, bearer(alice.plaintext()));
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.header("Content-Type")).isEqualTo("application/json");
        assertThat(plain.json()).isEqualTo(key.token());
        for (String accept : List.of("*/*", "application/json", "application/json, text/plain", "application/*")) {
            Response read = api.get(path, headers(bearer(alice.plaintext()), new String[] {"Accept", accept}));
            assertThat(read.status()).as(accept).isEqualTo(200);
            assertThat(read.header("Content-Type")).as(accept).isEqualTo("application/json");
            assertThat(read.body()).as(accept).isEqualTo(plain.body());
        }
        Response html = api.get(path, headers(bearer(alice.plaintext()), new String[] {"Accept", "text/html"}));
        assertThat(html.status()).isEqualTo(406);
        assertThat(html.json().get("detail").asText()).isEqualTo("Not Acceptable");

        String othersToken = TOKENS + "/" + api.issue(aSession()).id();
        for (String missing : List.of(othersToken, TOKENS + "/" + java.util.UUID.randomUUID())) {
            for (String accept : List.of("*/*", "application/json, text/plain")) {
                Response notFound = api.get(missing, headers(bearer(alice.plaintext()), new String[] {"Accept", accept}));
                assertThat(notFound.status()).as(accept).isEqualTo(404);
                assertThat(notFound.header("Content-Type")).as(accept).isEqualTo("application/json");
                assertThat(notFound.body()).as(accept).isEqualTo("{\"detail\":\"Access token not found\"}");
            }
        }
    }

    @Test
    void aKeyWithoutExpiresInDaysLivesTheDefault90Days() {
        for (String body : List.of("{\"name\": \"default\", \"expiresInDays\": null}", "{\"name\": \"default\"}")) {
            Response created = api.postJson(TOKENS, body, bearer(alice.plaintext()));
            assertThat(created.status()).isEqualTo(201);
            JsonNode token = created.json().get("token");
            assertThat(java.time.Duration.between(java.time.Instant.parse(token.get("createdAt").asText()),
                    java.time.Instant.parse(token.get("expiresAt").asText()))).isEqualTo(java.time.Duration.ofDays(90));
        }
    }

    @Test
    void theNewKeyAuthenticatesAsItsOwner() {
        Issued key = api.issue(anApiKey().named("ci").by(alice));
        Response viaKey = api.get(TOKENS + "/" + alice.id(), "X-API-Key", key.plaintext());
        assertThat(viaKey.status()).isEqualTo(200);
        assertThat(viaKey.json().get("tokenType").asText()).isEqualTo("session");
    }

    @Test
    void theListingShowsOnlyTheCallersTokensNewestFirst() {
        Issued bob = api.issue(aSession());
        api.issue(anApiKey().named("bob's").by(bob));
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(0, api.issue(anApiKey().named("key " + i).by(alice)).id());
        }
        created.add(alice.id());

        JsonNode page = api.get(TOKENS, bearer(alice.plaintext())).json();

        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        assertThat(ids).containsExactlyElementsOf(created);
        assertThat(page.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void theListingFiltersByType() {
        Issued key = api.issue(anApiKey().named("ci").by(alice));
        JsonNode keys = api.get(TOKENS + "?tokenType=api_key", bearer(alice.plaintext())).json().get("items");
        JsonNode sessions = api.get(TOKENS + "?tokenType=session", bearer(alice.plaintext())).json().get("items");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).get("id").asText()).isEqualTo(key.id());
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).get("id").asText()).isEqualTo(alice.id());
    }

    @Test
    void revokingAnswers204AndTheTokenStopsWorkingAtOnceAndLeavesTheDefaultListing() {
        Issued key = api.issue(anApiKey().named("short-lived").by(alice));
        assertThat(api.get(TOKENS, bearer(key.plaintext())).status()).isEqualTo(200);

        Response revoked = api.delete(TOKENS + "/" + key.id(), bearer(alice.plaintext()));

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(revoked.body()).isEmpty();
        assertThat(api.get(TOKENS, bearer(key.plaintext())).status()).isEqualTo(401);
        JsonNode visible = api.get(TOKENS, bearer(alice.plaintext())).json().get("items");
        assertThat(visible).extracting(item -> item.get("id").asText()).doesNotContain(key.id());
        JsonNode all = api.get(TOKENS + "?includeRevoked=true", bearer(alice.plaintext())).json().get("items");
        JsonNode shown = all.get(0);
        assertThat(shown.get("id").asText()).isEqualTo(key.id());
        assertThat(shown.get("revokedAt").asText()).matches(TIMESTAMP);
        assertThat(api.get(TOKENS + "/" + key.id(), bearer(alice.plaintext())).json().get("revokedAt").asText())
                .isEqualTo(shown.get("revokedAt").asText());
    }

    @Test
    void revokingTwiceAnswers204AgainAndAppendsNoSecondEvent() {
        Issued key = api.issue(anApiKey().named("twice").by(alice));
        assertThat(api.delete(TOKENS + "/" + key.id(), bearer(alice.plaintext())).status()).isEqualTo(204);
        assertThat(api.delete(TOKENS + "/" + key.id(), bearer(alice.plaintext())).status()).isEqualTo(204);
        assertThat(events.eventsOf(key.id())).extracting(EventStore.StoredEvent::type)
                .containsExactly("AccessTokenIssued", "AccessTokenRevoked");
    }

    @Test
    void theRevocationRecordsWhoRevokedWhyAndTheRequestContext() {
        Issued key = api.issue(anApiKey().named("audited").by(alice));
        api.delete(TOKENS + "/" + key.id(), headers(bearer(alice.plaintext()),
                new String[] {"User-Agent", "audit-test/1.0", "X-Request-Id", "req-12345"}));

        EventStore.StoredEvent revoked = events.eventsOf(key.id()).get(1);
        assertThat(revoked.payload()).contains("\"reason\":\"OWNER\"").contains(alice.id());
        assertThat(revoked.metaData()).contains("\"userAgent\":\"audit-test/1.0\"")
                .contains("\"requestId\":\"req-12345\"").contains("\"clientIp\":\"127.0.0.1\"");
    }

    @Test
    void aForwardedForFromAnUntrustedPeerDoesNotChangeTheRecordedClientAddress() {
        Issued key = api.issue(anApiKey().named("spoofed").by(alice));
        api.delete(TOKENS + "/" + key.id(), headers(bearer(alice.plaintext()),
                new String[] {"X-Forwarded-For", "198.51.100.23"}));
        assertThat(events.eventsOf(key.id()).get(1).metaData()).contains("\"clientIp\":\"127.0.0.1\"")
                .doesNotContain("198.51.100.23");
    }

    @Test
    void theRequestIdIsEchoedOrMinted() {
        assertThat(api.get(TOKENS, headers(bearer(alice.plaintext()), new String[] {"X-Request-Id", "abc-123"}))
                .header("X-Request-Id")).isEqualTo("abc-123");
        assertThat(api.get(TOKENS, bearer(alice.plaintext())).header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(api.get(TOKENS, headers(bearer(alice.plaintext()), new String[] {"X-Request-Id", "bad id\u00e9"}))
                .header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void revokeAllKeepsTheCurrentTokenByDefault() {
        Issued one = api.issue(anApiKey().named("one").by(alice));
        Issued two = api.issue(anApiKey().named("two").by(alice));

        Response answer = api.delete(TOKENS, bearer(alice.plaintext()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("revokedCount").asInt()).isEqualTo(2);
        assertThat(api.get(TOKENS, bearer(alice.plaintext())).status()).isEqualTo(200);
        assertThat(api.get(TOKENS, bearer(one.plaintext())).status()).isEqualTo(401);
        assertThat(api.get(TOKENS, bearer(two.plaintext())).status()).isEqualTo(401);
        assertThat(events.eventsOf(one.id()).get(1).payload()).contains("\"reason\":\"REVOKE_ALL\"");
    }

    @Test
    void revokeAllWithExcludeCurrentFalseRevokesTheCallerToo() {
        api.issue(anApiKey().named("one").by(alice));

        Response answer = api.delete(TOKENS + "?exclude_current=false", bearer(alice.plaintext()));

        assertThat(answer.json().get("revokedCount").asInt()).isEqualTo(2);
        assertThat(api.get(TOKENS, bearer(alice.plaintext())).status()).isEqualTo(401);
    }

    @Test
    void revokeAllCountsOnlyWhatThisCallRevoked() {
        Issued one = api.issue(anApiKey().named("one").by(alice));
        api.delete(TOKENS + "/" + one.id(), bearer(alice.plaintext()));
        api.issue(anApiKey().named("two").by(alice));

        assertThat(api.delete(TOKENS, bearer(alice.plaintext())).json().get("revokedCount").asInt()).isEqualTo(1);
        assertThat(api.delete(TOKENS, bearer(alice.plaintext())).json().get("revokedCount").asInt()).isEqualTo(0);
    }

    @Test
    void everyAnswerOfTheApiIsUncacheableAndEveryAnswerUnsniffable() {
        Issued key = api.issue(anApiKey().named("headers").by(alice));
        List<Response> api = List.of(
                this.api.get(TOKENS, bearer(alice.plaintext())),
                this.api.get(TOKENS + "/" + key.id(), bearer(alice.plaintext())),
                this.api.get(TOKENS + "/" + java.util.UUID.randomUUID(), bearer(alice.plaintext())),
                this.api.delete(TOKENS + "/" + key.id(), bearer(alice.plaintext())),
                this.api.get(TOKENS, bearer("vai_k_" + "A".repeat(49))),
                this.api.get(TOKENS + "/not-a-uuid", bearer(alice.plaintext())),
                this.api.postJson("/internal/v1/introspect", "{\"token\": \"x\"}", this.api.admin()));
        for (Response answer : api) {
            assertThat(answer.header("Cache-Control")).as(answer.toString()).isEqualTo("no-store");
            assertThat(answer.headers().allValues("Cache-Control")).as("once").hasSize(1);
            assertThat(answer.header("X-Content-Type-Options")).as(answer.toString()).isEqualTo("nosniff");
        }
        Response health = this.api.get("/actuator/health/liveness");
        assertThat(health.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
